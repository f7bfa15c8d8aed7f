package org.openmrs.module.webhooks.web.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads values of a JSON request body as the REST module hands them over (Jackson's natural types: Integer or
 * Long or Double for numbers, Boolean, String, List, Map). Each reader throws {@link Invalid} with a message
 * for the field; values are never quoted in it (they may be secrets).
 */
final class JsonValues {

	/** A value of the wrong shape; the message says what was expected. */
	static final class Invalid extends Exception {

		private static final long serialVersionUID = 1L;

		Invalid(String message) {
			super(message, null, false, false);
		}
	}

	private JsonValues() {
	}

	static String string(Object value) throws Invalid {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new Invalid("must be a string");
	}

	/** Accepts JSON true / false and the strings "true" / "false". */
	static boolean bool(Object value) throws Invalid {
		if (value instanceof Boolean) {
			return (Boolean) value;
		}
		if ("true".equals(value) || "false".equals(value)) {
			return Boolean.parseBoolean((String) value);
		}
		throw new Invalid("must be true or false");
	}

	/** Accepts whole JSON numbers (also 5.0) and numeric strings. */
	static int integer(Object value) throws Invalid {
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			long n = ((Number) value).longValue();
			if (n == (int) n) {
				return (int) n;
			}
		} else if (value instanceof Number) {
			double d = ((Number) value).doubleValue();
			if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
				return (int) d;
			}
		} else if (value instanceof String && ((String) value).trim().matches("-?\\d{1,9}")) {
			return Integer.parseInt(((String) value).trim());
		}
		throw new Invalid("must be a whole number");
	}

	/** A JSON array of strings; {@code null} reads as an empty list. */
	static List<String> strings(Object value) throws Invalid {
		List<String> result = new ArrayList<String>();
		if (value == null) {
			return result;
		}
		if (!(value instanceof List)) {
			throw new Invalid("must be a list of strings");
		}
		for (Object element : (List<?>) value) {
			if (!(element instanceof String)) {
				throw new Invalid("must be a list of strings");
			}
			result.add((String) element);
		}
		return result;
	}

	/**
	 * A JSON array of uuids, each a string or a reference object with a {@code uuid} (as GET returns other
	 * resources); {@code null} reads as an empty list.
	 */
	static List<String> uuids(Object value) throws Invalid {
		List<String> result = new ArrayList<String>();
		if (value == null) {
			return result;
		}
		if (!(value instanceof List)) {
			throw new Invalid("must be a list of uuids");
		}
		for (Object element : (List<?>) value) {
			Object uuid = element instanceof Map ? ((Map<?, ?>) element).get("uuid") : element;
			if (!(uuid instanceof String) || ((String) uuid).trim().isEmpty()) {
				throw new Invalid("must be a list of uuids");
			}
			result.add(((String) uuid).trim());
		}
		return result;
	}

	/** A JSON object; {@code null} reads as {@code null}. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Object value) throws Invalid {
		if (value == null || value instanceof Map) {
			return (Map<String, Object>) value;
		}
		throw new Invalid("must be an object");
	}
}
