package org.openmrs.module.webhooks.web.controller;

import java.util.Map;

import org.openmrs.module.webhooks.web.BadRequest;
import org.openmrs.module.webhooks.web.Iso;

/** Reads the small JSON bodies of the actions; a missing or unreadable value is a 400 naming it. */
final class ActionInput {

	/** Thirty days: longer overlaps keep a leaked old secret valid for too long. */
	static final int MAX_OVERLAP_HOURS = 720;

	static final int DEFAULT_OVERLAP_HOURS = 24;

	private ActionInput() {
	}

	/** {@code overlapHours}: a whole number 0..720, 24 when absent. */
	static int overlapHours(Map<String, Object> body) {
		Object value = body == null ? null : body.get("overlapHours");
		if (value == null) {
			return DEFAULT_OVERLAP_HOURS;
		}
		Integer hours = null;
		if (value instanceof Integer || value instanceof Long) {
			long n = ((Number) value).longValue();
			hours = n >= 0 && n <= MAX_OVERLAP_HOURS ? (int) n : null;
		} else if (value instanceof String && ((String) value).trim().matches("\\d{1,3}")) {
			hours = Integer.parseInt(((String) value).trim());
		}
		if (hours == null || hours > MAX_OVERLAP_HOURS) {
			throw BadRequest.of("overlapHours", "must be a whole number of hours from 0 to " + MAX_OVERLAP_HOURS);
		}
		return hours;
	}

	/** {@code since}: a required ISO-8601 time, as epoch ms. */
	static long since(Map<String, Object> body) {
		Object value = body == null ? null : body.get("since");
		if (!(value instanceof String) || ((String) value).trim().isEmpty()) {
			throw BadRequest.of("since", "is required: an ISO-8601 date-time such as 2026-11-27T09:00:00Z");
		}
		try {
			return Iso.parse((String) value);
		}
		catch (IllegalArgumentException e) {
			throw BadRequest.of("since", e.getMessage());
		}
	}
}
