package org.openmrs.module.webhooks.signing;

import java.util.Base64;
import java.util.List;

/**
 * Makes the {@code webhook-signature} header of Standard Webhooks (https://www.standardwebhooks.com).
 * Stateless and thread-safe; one instance serves every delivery worker.
 */
public final class WebhookSigner {

	/**
	 * The {@code webhook-signature} value: one {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">}
	 * entry per secret, in the secrets' order, separated by single spaces. Several secrets let a receiver move
	 * to a new secret while the old one still verifies.
	 *
	 * @param msgId the {@code webhook-id} header, not empty
	 * @param timestampSeconds the {@code webhook-timestamp} header, Unix seconds of this attempt
	 * @param body the exact bytes sent
	 * @param secrets {@code whsec_} + base64 of 24–64 bytes, with or without the prefix; at least one
	 * @throws IllegalArgumentException when an argument is missing or a secret is malformed; the message names
	 *             which secret by position and never holds a secret
	 */
	public String signatureHeader(String msgId, long timestampSeconds, byte[] body, List<String> secrets) {
		if (msgId == null || msgId.isEmpty()) {
			throw new IllegalArgumentException("msgId is required");
		}
		if (body == null) {
			throw new IllegalArgumentException("body is required");
		}
		if (secrets == null || secrets.isEmpty()) {
			throw new IllegalArgumentException("at least one signing secret is required");
		}
		StringBuilder header = new StringBuilder(secrets.size() * 48);
		for (int i = 0; i < secrets.size(); i++) {
			byte[] key = Secrets.decode(secrets.get(i), "signing secret " + (i + 1) + " of " + secrets.size());
			if (i > 0) {
				header.append(' ');
			}
			header.append("v1,").append(Base64.getEncoder().encodeToString(Hmac.sign(key, msgId, timestampSeconds, body)));
		}
		return header.toString();
	}
}
