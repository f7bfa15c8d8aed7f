package org.openmrs.module.webhooks.target;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * A new Standard Webhooks signing secret per call: {@code whsec_} + base64 of 32 bytes from a
 * {@link SecureRandom}. A stand-in for the signing package's generator, which will replace it.
 */
final class RandomSigningSecret implements Supplier<String> {

	private static final int BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	@Override
	public String get() {
		byte[] key = new byte[BYTES];
		random.nextBytes(key);
		return "whsec_" + Base64.getEncoder().encodeToString(key);
	}
}
