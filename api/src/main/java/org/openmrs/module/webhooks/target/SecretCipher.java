package org.openmrs.module.webhooks.target;

/**
 * Encrypts one secret value (a password, token, API key, header value or signing secret) for storage, and
 * decrypts it again. Each value is encrypted on its own, so that the rest of a target's configuration stays
 * readable JSON.
 *
 * <p>Implementations are thread-safe and have no side effects. Neither method ever puts the clear text in an
 * exception message or a log.
 */
public interface SecretCipher {

	/**
	 * @param clearText not {@code null}
	 * @return the stored form, never containing {@code clearText}; encrypting the same value twice may give
	 *         different results
	 */
	String encrypt(String clearText);

	/**
	 * @param stored a value {@link #encrypt} returned (with the same key)
	 * @return the clear text
	 * @throws IllegalStateException when the value cannot be decrypted (another key, or damaged)
	 */
	String decrypt(String stored);
}
