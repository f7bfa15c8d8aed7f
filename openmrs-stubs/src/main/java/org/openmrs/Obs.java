package org.openmrs;

/** Compile-only stub of the OpenMRS class of the same name: only the type, looked up by uuid and handed to the REST module. */
public class Obs {

	public Obs() {
		throw new UnsupportedOperationException("stub");
	}
}
