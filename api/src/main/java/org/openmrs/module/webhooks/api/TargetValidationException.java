package org.openmrs.module.webhooks.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target (or an action's input) was rejected. Carries one message per invalid field, keyed by the field's
 * name as the REST API spells it ({@code url}, {@code eventTypes[1]}, {@code auth.headerName} …). Messages
 * never contain secret values.
 */
public class TargetValidationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Map<String, String> fieldErrors;

	public TargetValidationException(Map<String, String> fieldErrors) {
		super(describe(fieldErrors));
		this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
	}

	public static TargetValidationException of(String field, String message) {
		return new TargetValidationException(Collections.singletonMap(field, message));
	}

	/** Field → message, in the order found; never empty. */
	public Map<String, String> getFieldErrors() {
		return fieldErrors;
	}

	private static String describe(Map<String, String> errors) {
		StringBuilder s = new StringBuilder();
		for (Map.Entry<String, String> e : errors.entrySet()) {
			if (s.length() > 0) {
				s.append("; ");
			}
			s.append(e.getKey()).append(": ").append(e.getValue());
		}
		return s.toString();
	}
}
