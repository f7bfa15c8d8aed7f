package org.openmrs.module.webhooks.web.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.api.ValidationException;
import org.springframework.validation.FieldError;

/** The {@code fieldErrors} of the REST module's 400 body for a ValidationException: field → message. */
public final class FieldErrors {

	private FieldErrors() {
	}

	public static Map<String, String> of(Throwable e) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : ((ValidationException) e).getErrors().getFieldErrors()) {
			fields.put(error.getField(), error.getDefaultMessage());
		}
		return fields;
	}
}
