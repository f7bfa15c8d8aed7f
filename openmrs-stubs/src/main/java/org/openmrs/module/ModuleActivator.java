package org.openmrs.module;

/** Compile-only stub of the OpenMRS interface of the same name; the real one comes from openmrs-api. */
public interface ModuleActivator {

	void willRefreshContext();

	void contextRefreshed();

	void willStart();

	void started();

	void willStop();

	void stopped();
}
