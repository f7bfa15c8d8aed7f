package org.openmrs.module.webservices.rest.web.representation;

/**
 * Compile-only stub of the REST module class of the same name. The constructor does not throw: the constants of
 * {@link Representation} create one when the interface loads, and tests pass them to our code.
 */
public class FullRepresentation implements Representation {

	public FullRepresentation() {
	}

	@Override
	public String getRepresentation() {
		throw new UnsupportedOperationException("stub");
	}
}
