package org.openmrs.module;

/** Compile-only stub of the OpenMRS class of the same name; the real one comes from openmrs-api. */
public class DaemonToken implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	public DaemonToken(String id) {
		throw new UnsupportedOperationException("stub");
	}

	public String getId() {
		throw new UnsupportedOperationException("stub");
	}
}
