package org.openmrs.module.webhooks.web.resource;

/**
 * The last line of defence for secrets on their way out: the service already masks what it returns; whatever
 * reaches a representation is masked again unless it already is, so a service bug cannot leak one.
 */
final class Masks {

	static final String MASK = "****";

	/** Secrets shorter than this show no characters at all. */
	private static final int MIN_LENGTH_TO_SHOW_TAIL = 12;

	private Masks() {
	}

	/** {@code null} stays {@code null}; a masked value stays; anything else becomes {@code ****} + at most its last 4. */
	static String mask(String secret) {
		if (secret == null || secret.isEmpty()) {
			return null;
		}
		if (secret.startsWith(MASK)) {
			return secret.length() <= MASK.length() + 4 ? secret : MASK;
		}
		if (secret.length() < MIN_LENGTH_TO_SHOW_TAIL) {
			return MASK;
		}
		return MASK + secret.substring(secret.length() - 4);
	}
}
