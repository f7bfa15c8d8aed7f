package org.openmrs.module.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Checks a request the way a Standard Webhooks receiver does, for our tests and the "test send" tooling:
 * header names in any case, only {@code v1,} entries count, one matching entry suffices, the timestamp
 * within a tolerance of {@code now} either way.
 */
public final class WebhookVerifier {

	/** The tolerance every Standard Webhooks library applies. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	/** Why a request was accepted or refused; checked in this order. */
	public enum Result {
		VALID, MISSING_ID, MISSING_TIMESTAMP, MISSING_SIGNATURE, INVALID_TIMESTAMP, TIMESTAMP_TOO_OLD,
		TIMESTAMP_TOO_NEW, NO_MATCHING_SIGNATURE;

		public boolean isValid() {
			return this == VALID;
		}
	}

	private WebhookVerifier() {
	}

	/**
	 * @param headers the request headers, names in any case; a missing or empty value counts as absent
	 * @param body the exact bytes received
	 * @param secret {@code whsec_} + base64, with or without the prefix
	 * @param now the receiver's clock
	 * @param tolerance how far the timestamp may be from {@code now}, either way
	 * @throws IllegalArgumentException when the secret is malformed (a configuration error, not a bad request);
	 *             the message never holds the secret
	 */
	public static Result verify(Map<String, String> headers, byte[] body, String secret, Instant now,
	        Duration tolerance) {
		byte[] key = Secrets.decode(secret, "the signing secret");
		String id = header(headers, "webhook-id");
		String timestamp = header(headers, "webhook-timestamp");
		String signatures = header(headers, "webhook-signature");
		if (id == null) {
			return Result.MISSING_ID;
		}
		if (timestamp == null) {
			return Result.MISSING_TIMESTAMP;
		}
		if (signatures == null) {
			return Result.MISSING_SIGNATURE;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException e) {
			return Result.INVALID_TIMESTAMP;
		}
		if (seconds < now.getEpochSecond() - tolerance.getSeconds()) {
			return Result.TIMESTAMP_TOO_OLD;
		}
		if (seconds > now.getEpochSecond() + tolerance.getSeconds()) {
			return Result.TIMESTAMP_TOO_NEW;
		}
		byte[] expected = Base64.getEncoder().encode(Hmac.sign(key, id, seconds, body));
		for (String entry : signatures.split(" ")) {
			int comma = entry.indexOf(',');
			// entries of other versions (v1a, v2 …) are skipped, as the spec requires, and so are malformed ones
			if (comma > 0 && "v1".equals(entry.substring(0, comma)) && MessageDigest.isEqual(expected,
			    entry.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
				return Result.VALID;
			}
		}
		return Result.NO_MATCHING_SIGNATURE;
	}

	private static String header(Map<String, String> headers, String name) {
		for (Map.Entry<String, String> e : headers.entrySet()) {
			if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
				return e.getValue();
			}
		}
		return null;
	}
}
