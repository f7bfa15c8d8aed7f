package org.openmrs.api.impl;

import org.openmrs.api.OpenmrsService;

/** Compile-only stub of the OpenMRS class of the same name; the real one comes from openmrs-api. */
public abstract class BaseOpenmrsService implements OpenmrsService {

	public BaseOpenmrsService() {
	}

	@Override
	public void onShutdown() {
		throw new UnsupportedOperationException("stub");
	}

	@Override
	public void onStartup() {
		throw new UnsupportedOperationException("stub");
	}
}
