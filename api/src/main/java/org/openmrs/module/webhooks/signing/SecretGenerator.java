package org.openmrs.module.webhooks.signing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/** Makes new signing secrets: {@code whsec_} + base64 of N random bytes. Thread-safe when its random source is. */
public final class SecretGenerator implements java.util.function.Supplier<String> {

	/** The fewest random bytes in a secret, as the Standard Webhooks libraries expect. */
	public static final int MIN_BYTES = Secrets.MIN_BYTES;

	public static final int MAX_BYTES = Secrets.MAX_BYTES;

	public static final int DEFAULT_BYTES = Secrets.DEFAULT_BYTES;

	private final Random random;

	/** With a fresh {@link SecureRandom}: what production uses. */
	public SecretGenerator() {
		this(new SecureRandom());
	}

	/**
	 * @param random a {@link SecureRandom} in production; a plain {@link Random} with a known sequence in tests,
	 *            so that generated secrets are exact
	 */
	public SecretGenerator(Random random) {
		if (random == null) {
			throw new IllegalArgumentException("random is required");
		}
		this.random = random;
	}

	/** A secret of {@value #DEFAULT_BYTES} random bytes. */
	public String generate() {
		return generate(DEFAULT_BYTES);
	}

	/**
	 * A secret of {@code bytes} random bytes.
	 *
	 * @throws IllegalArgumentException unless {@code bytes} is between {@value #MIN_BYTES} and {@value #MAX_BYTES}
	 */
	public String generate(int bytes) {
		if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
			throw new IllegalArgumentException(
			        "a signing secret has " + MIN_BYTES + " to " + MAX_BYTES + " random bytes, not " + bytes);
		}
		byte[] key = new byte[bytes];
		random.nextBytes(key);
		return Secrets.PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The same as {@link #generate()}: lets a generator be handed on as a plain {@code Supplier<String>}. */
	@Override
	public String get() {
		return generate();
	}
}
