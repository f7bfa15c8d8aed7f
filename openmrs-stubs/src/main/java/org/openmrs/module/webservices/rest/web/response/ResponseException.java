package org.openmrs.module.webservices.rest.web.response;

/** Compile-only stub of the REST module class of the same name; constructors pass their arguments on. */
@SuppressWarnings("serial")
public abstract class ResponseException extends RuntimeException {

	public ResponseException() {
	}

	public ResponseException(String message, Throwable cause) {
		super(message, cause);
	}

	public ResponseException(String message) {
		super(message);
	}

	public ResponseException(Throwable cause) {
		super(cause);
	}
}
