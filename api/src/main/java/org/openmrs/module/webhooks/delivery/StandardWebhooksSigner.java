package org.openmrs.module.webhooks.delivery;

import java.util.List;

import org.openmrs.module.webhooks.signing.WebhookSigner;

/** The engine's signer: Standard Webhooks {@code v1} signatures from the signing package. */
public final class StandardWebhooksSigner implements Signer {

	private final WebhookSigner signer = new WebhookSigner();

	@Override
	public String sign(String msgId, long timestampSeconds, byte[] body, List<String> secrets) {
		return signer.signatureHeader(msgId, timestampSeconds, body, secrets);
	}
}
