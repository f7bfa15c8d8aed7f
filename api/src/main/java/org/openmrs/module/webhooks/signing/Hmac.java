package org.openmrs.module.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over {@code {id}.{timestamp}.{body}}, the Standard Webhooks signed content. */
final class Hmac {

	private static final String ALGORITHM = "HmacSHA256";

	// Mac.getInstance walks the provider list on every call; one Mac per thread, re-keyed per secret, keeps a
	// delivery at two small allocations. The values are JDK classes, so a module reload leaks nothing.
	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(Hmac::newMac);

	private Hmac() {
	}

	static byte[] sign(byte[] key, String msgId, long timestampSeconds, byte[] body) {
		Mac mac = MACS.get();
		try {
			mac.init(new SecretKeySpec(key, ALGORITHM));
		}
		catch (InvalidKeyException e) {
			// only an empty key is refused, and Secrets.decode never returns one
			throw new IllegalStateException("HMAC key refused", e);
		}
		mac.update((msgId + '.' + timestampSeconds + '.').getBytes(StandardCharsets.UTF_8));
		return mac.doFinal(body);
	}

	private static Mac newMac() {
		try {
			return Mac.getInstance(ALGORITHM);
		}
		catch (GeneralSecurityException e) {
			// every Java platform must provide HmacSHA256
			throw new IllegalStateException(ALGORITHM + " is not available", e);
		}
	}
}
