package org.openmrs.api;

import org.openmrs.GlobalProperty;

/**
 * Compile-only stub of the OpenMRS interface of the same name. Core calls a listener registered with
 * {@link AdministrationService#addGlobalPropertyListener} when a global property whose name it supports is saved or
 * deleted (from inside the saving transaction).
 */
public interface GlobalPropertyListener {

	boolean supportsPropertyName(String propertyName);

	void globalPropertyChanged(GlobalProperty newValue);

	void globalPropertyDeleted(String propertyName);
}
