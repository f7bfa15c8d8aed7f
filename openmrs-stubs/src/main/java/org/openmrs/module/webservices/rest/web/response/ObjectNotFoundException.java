package org.openmrs.module.webservices.rest.web.response;

/** Compile-only stub of the REST module class of the same name (answered with 404); constructors pass their arguments on. */
@SuppressWarnings("serial")
public class ObjectNotFoundException extends ResponseException {

	public ObjectNotFoundException() {
	}

	public ObjectNotFoundException(String message) {
		super(message);
	}
}
