package org.openmrs.module.webhooks.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;

/**
 * Builds the request of one attempt: body, Standard Webhooks headers, auth and custom headers, in that order.
 * The same for real deliveries and test sends. Thread-safe.
 */
public final class RequestFactory {

	private final PayloadFactory payloads;

	private final Signer signer;

	public RequestFactory(PayloadFactory payloads, Signer signer) {
		this.payloads = payloads;
		this.signer = signer;
	}

	/**
	 * @param events one event, or several for a batching target (batchSize &gt; 1: always the batch shape)
	 * @param nowMillis this attempt's time, for {@code webhook-timestamp} and the secrets' validity
	 * @throws IllegalArgumentException when the target URL is not a URI
	 */
	public OutboundRequest build(Target target, List<Event> events, long nowMillis) {
		URI url = URI.create(target.getUrl());
		boolean batch = target.getBatchSize() > 1;
		byte[] body = batch ? payloads.batch(events, target) : payloads.payload(events.get(0), target);
		String msgId = batch ? batchId(events) : events.get(0).getUuid();
		long timestamp = nowMillis / 1000;
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", msgId);
		headers.put("webhook-timestamp", Long.toString(timestamp));
		List<String> secrets = activeSecrets(target, nowMillis);
		if (target.isSigningEnabled() && !secrets.isEmpty()) {
			headers.put("webhook-signature", signer.sign(msgId, timestamp, body, secrets));
		}
		addAuth(headers, target.getAuth());
		for (Map.Entry<String, String> h : target.getHeaders().entrySet()) {
			if (h.getValue() != null) {
				headers.put(h.getKey(), h.getValue());
			}
		}
		return OutboundRequest.builder(url).headers(headers).body(body).timeoutSeconds(target.getTimeoutSeconds()).build();
	}

	private static List<String> activeSecrets(Target target, long now) {
		List<String> active = new ArrayList<>();
		for (SigningSecret s : target.getSigningSecrets()) {
			if (s.getSecret() != null && s.isActiveAt(now)) {
				active.add(s.getSecret());
			}
		}
		return active;
	}

	private static void addAuth(Map<String, String> headers, TargetAuth auth) {
		String type = auth.getType() == null ? TargetAuth.NONE : auth.getType();
		if (TargetAuth.BASIC.equals(type)) {
			String pair = nz(auth.getUsername()) + ":" + nz(auth.getPassword());
			headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		}
		else if (TargetAuth.BEARER.equals(type)) {
			headers.put("Authorization", "Bearer " + nz(auth.getToken()));
		}
		else if (TargetAuth.API_KEY.equals(type) && auth.getHeaderName() != null) {
			headers.put(auth.getHeaderName(), nz(auth.getValue()));
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/**
	 * The id of a batch: its first event's uuid, prefixed. Stable across retries as long as the batch is re-sent
	 * with the same first event (receivers deduplicate on {@code webhook-id}).
	 */
	static String batchId(List<Event> events) {
		return "batch_" + events.get(0).getUuid();
	}
}
