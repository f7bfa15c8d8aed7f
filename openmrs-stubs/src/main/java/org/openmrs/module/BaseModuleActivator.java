package org.openmrs.module;

/** Compile-only stub of the OpenMRS class of the same name; the real one comes from openmrs-api. */
public abstract class BaseModuleActivator implements ModuleActivator {

	public BaseModuleActivator() {
	}

	@Override
	public void contextRefreshed() {
		throw new UnsupportedOperationException("stub");
	}

	@Override
	public void started() {
		throw new UnsupportedOperationException("stub");
	}

	@Override
	public void stopped() {
		throw new UnsupportedOperationException("stub");
	}

	@Override
	public void willRefreshContext() {
		throw new UnsupportedOperationException("stub");
	}

	@Override
	public void willStart() {
		throw new UnsupportedOperationException("stub");
	}

	@Override
	public void willStop() {
		throw new UnsupportedOperationException("stub");
	}
}
