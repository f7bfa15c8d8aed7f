package org.openmrs.api;

import org.springframework.validation.Errors;

/**
 * Compile-only stub of the OpenMRS class of the same name. The REST module answers it with 400 and one
 * {@code fieldErrors} entry per rejected field. Constructors and the errors accessor keep their state (instead
 * of throwing like stub methods) so that tests can read what a 400 would carry.
 */
@SuppressWarnings("serial")
public class ValidationException extends APIException {

	private Errors errors;

	public ValidationException() {
	}

	public ValidationException(String message) {
		super(message);
	}

	public ValidationException(String message, Errors errors) {
		super(message);
		this.errors = errors;
	}

	public Errors getErrors() {
		return errors;
	}
}
