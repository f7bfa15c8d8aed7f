package org.openmrs.module.webhooks.target;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM under a fixed test key, standing in for core's {@code Security} (which needs a running OpenMRS).
 * Random IV per value, like the production cipher, so equal secrets store differently.
 */
public final class TestSecretCipher implements SecretCipher {

	private static final byte[] KEY = "webhooks-test-key-32-bytes-long!".getBytes(StandardCharsets.US_ASCII);

	private final SecureRandom random = new SecureRandom();

	@Override
	public String encrypt(String clearText) {
		try {
			byte[] iv = new byte[12];
			random.nextBytes(iv);
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, iv));
			byte[] sealed = c.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
			byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return "gcm:" + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String decrypt(String stored) {
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring("gcm:".length()));
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, in, 0, 12));
			return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | RuntimeException e) {
			throw new IllegalStateException("cannot decrypt", e);
		}
	}
}
