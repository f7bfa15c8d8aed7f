package org.openmrs.module.webservices.rest.web.response;

/** Compile-only stub of the REST module class of the same name (answered with 400); constructors pass their arguments on. */
@SuppressWarnings("serial")
public class ConversionException extends ResponseException {

	public ConversionException() {
	}

	public ConversionException(String message) {
		super(message);
	}

	public ConversionException(String message, Throwable cause) {
		super(message, cause);
	}
}
