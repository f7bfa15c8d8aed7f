package org.openmrs.api;

/**
 * Compile-only stub of the OpenMRS class of the same name. The REST module answers it with 401 (not logged in)
 * or 403 (logged in, privilege missing). Constructors pass their arguments on so that tests can throw it.
 */
@SuppressWarnings("serial")
public class APIAuthenticationException extends APIException {

	public APIAuthenticationException() {
	}

	public APIAuthenticationException(String message) {
		super(message);
	}

	public APIAuthenticationException(String message, Throwable cause) {
		super(message, cause);
	}

	public APIAuthenticationException(Throwable cause) {
		super(cause);
	}
}
