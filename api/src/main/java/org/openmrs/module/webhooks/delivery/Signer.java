package org.openmrs.module.webhooks.delivery;

import java.util.List;

/** Standard Webhooks signing; implemented over the signing package. Thread-safe, no I/O. */
public interface Signer {

	/**
	 * @param secrets the active {@code whsec_} secrets, newest first, at least one
	 * @return the {@code webhook-signature} header value: one {@code v1,<base64>} entry per secret
	 */
	String sign(String msgId, long timestampSeconds, byte[] body, List<String> secrets);
}
