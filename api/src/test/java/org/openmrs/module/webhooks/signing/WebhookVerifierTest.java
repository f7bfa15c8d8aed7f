package org.openmrs.module.webhooks.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmrs.module.webhooks.signing.WebhookSignerTest.BODY;
import static org.openmrs.module.webhooks.signing.WebhookSignerTest.MSG_ID;
import static org.openmrs.module.webhooks.signing.WebhookSignerTest.OTHER_SECRET;
import static org.openmrs.module.webhooks.signing.WebhookSignerTest.SECRET;
import static org.openmrs.module.webhooks.signing.WebhookSignerTest.SIGNATURE;
import static org.openmrs.module.webhooks.signing.WebhookSignerTest.TIMESTAMP;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.signing.WebhookVerifier.Result;

/** One short test per failure mode the Standard Webhooks reference suites cover, on the known-answer vector. */
class WebhookVerifierTest {

	private static final String V1_OF_OTHER_SECRET = new WebhookSigner().signatureHeader(MSG_ID, TIMESTAMP, BODY,
	    List.of(OTHER_SECRET));

	@Test
	void verify_shouldAcceptTheReferenceVector() {
		assertThat(new Scenario().verify()).isEqualTo(Result.VALID);
	}

	@Test
	void verify_shouldRefuseAMissingId() {
		assertThat(new Scenario().without("webhook-id").verify()).isEqualTo(Result.MISSING_ID);
	}

	@Test
	void verify_shouldRefuseAMissingTimestamp() {
		assertThat(new Scenario().without("webhook-timestamp").verify()).isEqualTo(Result.MISSING_TIMESTAMP);
	}

	@Test
	void verify_shouldRefuseAMissingSignature() {
		assertThat(new Scenario().without("webhook-signature").verify()).isEqualTo(Result.MISSING_SIGNATURE);
	}

	@Test
	void verify_shouldRefuseAnEmptyHeaderAsMissing() {
		assertThat(new Scenario().header("webhook-id", "").verify()).isEqualTo(Result.MISSING_ID);
	}

	@Test
	void verify_shouldRefuseANonNumericTimestamp() {
		assertThat(new Scenario().header("webhook-timestamp", "1614265330a").verify())
		        .isEqualTo(Result.INVALID_TIMESTAMP);
	}

	@Test
	void verify_shouldIgnoreV2Entries() {
		assertThat(new Scenario().header("webhook-signature", SIGNATURE.replace("v1,", "v2,")).verify())
		        .isEqualTo(Result.NO_MATCHING_SIGNATURE);
	}

	@Test
	void verify_shouldSkipMalformedEntries() {
		assertThat(new Scenario().header("webhook-signature", "v1 ,v1 v1, g0hM9SsE " + SIGNATURE + " junk").verify())
		        .isEqualTo(Result.VALID);
	}

	@Test
	void verify_shouldRefuseOnlyMalformedEntries() {
		assertThat(new Scenario().header("webhook-signature", "v1 v1, ,v1 g0hM9SsE+OTPJTGt").verify())
		        .isEqualTo(Result.NO_MATCHING_SIGNATURE);
	}

	@Test
	void verify_shouldRefuseATimestampTooOld() {
		assertThat(new Scenario().now(TIMESTAMP + 301).verify()).isEqualTo(Result.TIMESTAMP_TOO_OLD);
	}

	@Test
	void verify_shouldRefuseATimestampTooNew() {
		assertThat(new Scenario().now(TIMESTAMP - 301).verify()).isEqualTo(Result.TIMESTAMP_TOO_NEW);
	}

	@Test
	void verify_shouldAcceptTimestampsAtTheToleranceEitherWay() {
		assertThat(new Scenario().now(TIMESTAMP + 300).verify()).isEqualTo(Result.VALID);
		assertThat(new Scenario().now(TIMESTAMP - 300).verify()).isEqualTo(Result.VALID);
	}

	@Test
	void verify_shouldAcceptAListWhereOnlyOneEntryIsValid() {
		assertThat(new Scenario().header("webhook-signature", V1_OF_OTHER_SECRET + " " + SIGNATURE).verify())
		        .isEqualTo(Result.VALID);
	}

	@Test
	void verify_shouldRefuseAListWhereNoEntryIsValid() {
		assertThat(new Scenario().header("webhook-signature", V1_OF_OTHER_SECRET).verify())
		        .isEqualTo(Result.NO_MATCHING_SIGNATURE);
	}

	@Test
	void verify_shouldAcceptTheSecretWithoutItsPrefix() {
		assertThat(new Scenario().secret(SECRET.substring("whsec_".length())).verify()).isEqualTo(Result.VALID);
	}

	@Test
	void verify_shouldReadHeaderNamesInAnyCase() {
		Scenario scenario = new Scenario().without("webhook-id").without("webhook-timestamp").without("webhook-signature")
		        .header("Webhook-Id", MSG_ID).header("WEBHOOK-TIMESTAMP", String.valueOf(TIMESTAMP))
		        .header("webHook-Signature", SIGNATURE);

		assertThat(scenario.verify()).isEqualTo(Result.VALID);
	}

	@Test
	void verify_shouldRefuseAnAlteredBody() {
		assertThat(new Scenario().body("{\"test\": 2432232315}").verify()).isEqualTo(Result.NO_MATCHING_SIGNATURE);
	}

	@Test
	void verify_shouldRefuseAnAlteredId() {
		assertThat(new Scenario().header("webhook-id", MSG_ID + "x").verify()).isEqualTo(Result.NO_MATCHING_SIGNATURE);
	}

	@Test
	void verify_shouldRefuseAnotherSecret() {
		assertThat(new Scenario().secret(OTHER_SECRET).verify()).isEqualTo(Result.NO_MATCHING_SIGNATURE);
	}

	@Test
	void verify_shouldRejectAMalformedSecretWithoutRevealingIt() {
		assertThatThrownBy(() -> new Scenario().secret("whsec_s3cr3t!").verify())
		        .isInstanceOf(IllegalArgumentException.class).hasNoCause().message().doesNotContain("s3cr3t");
	}

	@Test
	void verify_shouldHonourAShorterTolerance() {
		assertThat(WebhookVerifier.verify(Map.of("webhook-id", MSG_ID, "webhook-timestamp", String.valueOf(TIMESTAMP),
		    "webhook-signature", SIGNATURE), BODY, SECRET, Instant.ofEpochSecond(TIMESTAMP + 11),
		    Duration.ofSeconds(10))).isEqualTo(Result.TIMESTAMP_TOO_OLD);
	}

	/** The reference vector, received at its own timestamp, with one thing changed. */
	private static final class Scenario {

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body = BODY;

		private String secret = SECRET;

		private long now = TIMESTAMP;

		Scenario() {
			headers.put("webhook-id", MSG_ID);
			headers.put("webhook-timestamp", String.valueOf(TIMESTAMP));
			headers.put("webhook-signature", SIGNATURE);
		}

		Scenario header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		Scenario without(String name) {
			headers.remove(name);
			return this;
		}

		Scenario body(String body) {
			this.body = body.getBytes(UTF_8);
			return this;
		}

		Scenario secret(String secret) {
			this.secret = secret;
			return this;
		}

		Scenario now(long epochSecond) {
			this.now = epochSecond;
			return this;
		}

		Result verify() {
			return WebhookVerifier.verify(headers, body, secret, Instant.ofEpochSecond(now),
			    WebhookVerifier.DEFAULT_TOLERANCE);
		}
	}
}
