package org.openmrs.module.webhooks.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.api.ValidationException;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

/**
 * Invalid input, as the REST module's 400: a {@link ValidationException} carrying one Spring field error per
 * field, which the REST module's error handler turns into
 * {@code {"error": {"message", "code", "globalErrors": [], "fieldErrors": {"url": [{"code", "message"}]}}}}.
 * The field names are the JSON ones ({@code url}, {@code eventTypes[1]}, {@code auth.headerName}).
 *
 * <p>Each error's message code is the message itself: REST module releases that look the code up print it
 * unchanged (no such code), newer ones print the default message, which is the same text. Rejected values are
 * never recorded: they may be secrets.
 */
public final class BadRequest {

	private static final String OBJECT_NAME = "webhooks";

	private BadRequest() {
	}

	public static ValidationException of(String field, String message) {
		Map<String, String> errors = new LinkedHashMap<String, String>();
		errors.put(field, message);
		return of(errors);
	}

	public static ValidationException of(TargetValidationException e) {
		return of(e.getFieldErrors());
	}

	/** @param fieldErrors field → message, at least one */
	public static ValidationException of(Map<String, String> fieldErrors) {
		MapBindingResult errors = new MapBindingResult(new LinkedHashMap<String, Object>(), OBJECT_NAME);
		StringBuilder summary = new StringBuilder("Invalid request: ");
		for (Map.Entry<String, String> e : fieldErrors.entrySet()) {
			errors.addError(new FieldError(OBJECT_NAME, e.getKey(), null, false, new String[] { e.getValue() }, null,
			        e.getValue()));
			if (errors.getFieldErrorCount() > 1) {
				summary.append("; ");
			}
			summary.append(e.getKey()).append(": ").append(e.getValue());
		}
		return new ValidationException(summary.toString(), errors);
	}
}
