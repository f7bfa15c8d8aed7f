package org.openmrs.api;

/** Compile-only stub of the OpenMRS interface of the same name; the real one comes from openmrs-api. */
public interface OpenmrsService {

	void onStartup();

	void onShutdown();
}
