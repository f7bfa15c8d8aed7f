package org.openmrs.module.webhooks.web.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.api.ValidationException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * The {@code fieldErrors} of the REST module's 400 body for a validation exception (core's, which REST 3.2+ answers,
 * or the REST module's own, which REST 2.x answers): field → message.
 */
public final class FieldErrors {

	private FieldErrors() {
	}

	public static Map<String, String> of(Throwable e) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : errorsOf(e).getFieldErrors()) {
			fields.put(error.getField(), error.getDefaultMessage());
		}
		return fields;
	}

	/** The Spring errors of either validation exception. */
	public static Errors errorsOf(Throwable e) {
		if (e instanceof org.openmrs.module.webservices.validation.ValidationException) {
			return ((org.openmrs.module.webservices.validation.ValidationException) e).getErrors();
		}
		return ((ValidationException) e).getErrors();
	}
}
