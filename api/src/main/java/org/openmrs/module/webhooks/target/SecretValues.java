package org.openmrs.module.webhooks.target;

/**
 * The write-only rules for one secret value. Reads show {@link #mask masked} values; on an update a value that
 * comes back masked, or {@code null}, means "unchanged" and an empty string means "remove".
 */
final class SecretValues {

	static final String MASK = "****";

	/** Values shorter than this show nothing of themselves when masked: 4 characters of a short one is too much. */
	private static final int MIN_LENGTH_TO_SHOW_TAIL = 12;

	private static final int TAIL = 4;

	private SecretValues() {
	}

	/** {@code ****} plus the last 4 characters of a value of 12 or more characters; {@code null} stays null. */
	static String mask(String value) {
		if (value == null) {
			return null;
		}
		if (value.length() < MIN_LENGTH_TO_SHOW_TAIL) {
			return MASK;
		}
		return MASK + value.substring(value.length() - TAIL);
	}

	static boolean isMasked(String value) {
		return value != null && value.startsWith(MASK);
	}

	/** On an update: null or masked keeps {@code stored}; empty clears (null); anything else replaces it. */
	static String resolve(String incoming, String stored) {
		if (incoming == null || isMasked(incoming)) {
			return stored;
		}
		return incoming.isEmpty() ? null : incoming;
	}

	/** On a create there is nothing to keep: masked and empty values both mean "none". */
	static String fresh(String incoming) {
		return resolve(incoming, null);
	}
}
