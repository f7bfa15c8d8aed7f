package org.openmrs.module.webservices.rest.web.response;

/** Compile-only stub of the REST module class of the same name (answered with 400); constructors pass their arguments on. */
@SuppressWarnings("serial")
public class IllegalRequestException extends ResponseException {

	public IllegalRequestException() {
	}

	public IllegalRequestException(String message) {
		super(message);
	}
}
