package org.openmrs.module.webservices.validation;

import org.openmrs.api.APIException;
import org.springframework.validation.Errors;

/**
 * Compile-only stub of the REST module class of the same name (in webservices.rest 2.x and, deprecated, 3.x). The
 * REST module before 3.2 answers it, and not core's {@code org.openmrs.api.ValidationException}, with 400 and one
 * {@code fieldErrors} entry per rejected field; 3.2 and later answer core's instead. Constructors and the errors
 * accessor keep their state (instead of throwing like stub methods) so that tests can read what a 400 would carry.
 */
@SuppressWarnings("serial")
public class ValidationException extends APIException {

	private Errors errors;

	public ValidationException(String message, Errors errors) {
		super(message);
		this.errors = errors;
	}

	public Errors getErrors() {
		return errors;
	}
}
