package org.openmrs.api;

/**
 * Compile-only stub of the OpenMRS class of the same name; the real one comes from openmrs-api. Constructors
 * pass their arguments on (instead of throwing like stub methods) so that tests can exercise error paths.
 */
@SuppressWarnings("serial")
public class APIException extends RuntimeException {

	public APIException() {
	}

	public APIException(String message) {
		super(message);
	}

	public APIException(String message, Throwable cause) {
		super(message, cause);
	}

	public APIException(Throwable cause) {
		super(cause);
	}
}
