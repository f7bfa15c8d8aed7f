package org.openmrs.module.webhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks v1 signatures for the tests (the shipped signer is the signing package's). */
final class HmacSigner implements Signer {

	@Override
	public String sign(String msgId, long timestampSeconds, byte[] body, List<String> secrets) {
		StringBuilder header = new StringBuilder();
		for (String secret : secrets) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
				mac.update((msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
				byte[] sig = mac.doFinal(body);
				header.append(header.length() == 0 ? "" : " ").append("v1,").append(Base64.getEncoder().encodeToString(sig));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		return header.toString();
	}
}
