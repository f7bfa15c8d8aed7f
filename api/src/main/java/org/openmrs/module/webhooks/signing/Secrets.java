package org.openmrs.module.webhooks.signing;

import java.util.Base64;

/** The Standard Webhooks secret format: {@code whsec_} + base64 of 24–64 random bytes. */
final class Secrets {

	static final String PREFIX = "whsec_";

	static final int MIN_BYTES = 24;

	static final int MAX_BYTES = 64;

	static final int DEFAULT_BYTES = 32;

	private Secrets() {
	}

	/**
	 * The HMAC key of {@code secret}, given with or without its {@code whsec_} prefix.
	 *
	 * @param what names the secret in the error ("signing secret 2 of 3"), never its value
	 * @throws IllegalArgumentException when it is not base64 of 24–64 bytes; the message never holds the secret
	 */
	static byte[] decode(String secret, String what) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException(what + " is missing");
		}
		String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException e) {
			// not chained: the decoder's message quotes a character of the secret
			throw new IllegalArgumentException(what + " is not valid: " + expected());
		}
		if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
			throw new IllegalArgumentException(what + " is not valid: " + expected());
		}
		return key;
	}

	static String expected() {
		return "expected " + PREFIX + " followed by the base64 of " + MIN_BYTES + " to " + MAX_BYTES + " bytes";
	}
}
