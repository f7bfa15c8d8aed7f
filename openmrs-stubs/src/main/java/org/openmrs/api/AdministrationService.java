package org.openmrs.api;

/** Compile-only stub of the OpenMRS interface of the same name: only the members the module calls. */
public interface AdministrationService extends OpenmrsService {

	String getGlobalProperty(String propertyName);

	void addGlobalPropertyListener(GlobalPropertyListener listener);

	void removeGlobalPropertyListener(GlobalPropertyListener listener);
}
