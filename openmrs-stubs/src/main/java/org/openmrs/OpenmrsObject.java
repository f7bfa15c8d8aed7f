package org.openmrs;

/** Compile-only stub of the OpenMRS interface of the same name: only the members the module calls. */
public interface OpenmrsObject {

	Integer getId();

	String getUuid();
}
