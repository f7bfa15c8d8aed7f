package org.openmrs.module.webhooks.target;

import java.security.SecureRandom;
import java.util.Base64;

import org.openmrs.util.Security;

/**
 * Encrypts with OpenMRS core's {@link Security} under the installation's key (runtime property
 * {@code encryption.key}), as the rest of OpenMRS does, so that the secrets move with the installation's
 * backups and key.
 *
 * <p>Why the three-argument {@code Security.encrypt(text, iv, key)} with a fresh random IV per value, not the
 * one-argument {@code encrypt(text)}: the latter uses the installation's one fixed IV for every value, so two
 * targets with the same API key would store the same cipher text (and CBC under a fixed IV also shows shared
 * prefixes); it is also deprecated in core since 2.4. Both forms exist on core 2.5 to 2.8.
 *
 * <p>Stored form: {@code v1:<base64 IV>:<base64 cipher text>}.
 */
public final class CoreSecretCipher implements SecretCipher {

	private static final String VERSION = "v1";

	/** AES block size: the IV length core's AES/CBC cipher expects. */
	private static final int IV_BYTES = 16;

	private final SecureRandom random = new SecureRandom();

	@Override
	public String encrypt(String clearText) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		String cipherText = Security.encrypt(clearText, iv, Security.getSavedSecretKey());
		return VERSION + ":" + Base64.getEncoder().encodeToString(iv) + ":" + cipherText;
	}

	@Override
	public String decrypt(String stored) {
		String[] parts = stored == null ? new String[0] : stored.split(":", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new IllegalStateException("A stored secret is not in the v1 format of this module");
		}
		try {
			return Security.decrypt(parts[2], Base64.getDecoder().decode(parts[1]), Security.getSavedSecretKey());
		}
		catch (RuntimeException e) {
			// core's message names no value; ours must not either
			throw new IllegalStateException("A stored secret cannot be decrypted with this installation's key"
			        + " (runtime property encryption.key); was the key changed?", e);
		}
	}
}
