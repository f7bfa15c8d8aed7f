package org.openmrs.module.webhooks.web;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.api.APIException;
import org.openmrs.api.ValidationException;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webservices.rest.web.v1_0.controller.BaseRestController;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Invalid input, as the REST module's 400: a validation exception carrying one Spring field error per field, which
 * the REST module's error handler turns into
 * {@code {"error": {"message", "code", "globalErrors": [], "fieldErrors": {"url": [{"code", "message"}]}}}}.
 * The field names are the JSON ones ({@code url}, {@code eventTypes[1]}, {@code auth.headerName}).
 *
 * <p>Which validation exception that is depends on the REST module: {@code BaseRestController} answers only one
 * with 400 and {@code fieldErrors} (any other exception is a 500). Up to 3.1 it is the REST module's own
 * {@code org.openmrs.module.webservices.validation.ValidationException} (2.51.0 among them); from 3.2 (RESTWS-1016)
 * core's {@code org.openmrs.api.ValidationException} (3.4.1 among them), the REST module's own class being kept,
 * deprecated, but answered with a 500. No class is both, so the one made is the one the running REST module's
 * {@code @ExceptionHandler} names; the body is built alike in both.
 *
 * <p>Each error's message code is the message itself: REST module releases that look the code up print it
 * unchanged (no such code), newer ones print the default message, which is the same text. Rejected values are
 * never recorded: they may be secrets.
 */
public final class BadRequest {

	private static final String OBJECT_NAME = "webhooks";

	static final String REST_MODULE_VALIDATION_EXCEPTION =
	        "org.openmrs.module.webservices.validation.ValidationException";

	/** Whether the running REST module answers its own ValidationException (true) or core's (false) with 400. */
	private static final boolean REST_MODULE_OWN = answersItsOwnValidationException(BaseRestController.class);

	private BadRequest() {
	}

	public static APIException of(String field, String message) {
		Map<String, String> errors = new LinkedHashMap<String, String>();
		errors.put(field, message);
		return of(errors);
	}

	public static APIException of(TargetValidationException e) {
		return of(e.getFieldErrors());
	}

	/** @param fieldErrors field → message, at least one */
	public static APIException of(Map<String, String> fieldErrors) {
		return of(fieldErrors, REST_MODULE_OWN);
	}

	/** With {@code restModuleOwn}: the REST module's own ValidationException, else core's. */
	static APIException of(Map<String, String> fieldErrors, boolean restModuleOwn) {
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
		return restModuleOwn ? RestModuleValidation.exception(summary.toString(), errors)
		        : new ValidationException(summary.toString(), errors);
	}

	/**
	 * Whether {@code controller}'s exception handlers (BaseRestController's, as Spring reads them) take the REST
	 * module's own ValidationException and not core's. Compared by name: the class may be absent from a later
	 * REST module, and is then not loaded.
	 */
	static boolean answersItsOwnValidationException(Class<?> controller) {
		boolean own = false;
		boolean core = false;
		for (Method m : controller.getMethods()) {
			ExceptionHandler handler = m.getAnnotation(ExceptionHandler.class);
			if (handler == null) {
				continue;
			}
			Class<?>[] handled = handler.value().length > 0 ? handler.value() : m.getParameterTypes();
			for (Class<?> c : handled) {
				own |= REST_MODULE_VALIDATION_EXCEPTION.equals(c.getName());
				core |= ValidationException.class.getName().equals(c.getName());
			}
		}
		return own && !core;
	}

	/**
	 * Makes the REST module's own ValidationException; a class of its own so that only a REST module that answers
	 * it ever loads it.
	 */
	private static final class RestModuleValidation {

		@SuppressWarnings("deprecation") // deprecated in REST 3.2+, which this is not made for
		static APIException exception(String message, Errors errors) {
			return new org.openmrs.module.webservices.validation.ValidationException(message, errors);
		}
	}
}
