package org.openmrs.module.webhooks.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignerTest {

	// The known-answer vector shared by the Java, Go and Python reference libraries.
	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	static final long TIMESTAMP = 1614265330L;

	static final byte[] BODY = "{\"test\": 2432232314}".getBytes(UTF_8);

	static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	static final String OTHER_SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private final WebhookSigner signer = new WebhookSigner();

	@Test
	void signatureHeader_shouldMatchTheReferenceVector() {
		assertThat(signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(SECRET))).isEqualTo(SIGNATURE);
	}

	@Test
	void signatureHeader_shouldAcceptTheSecretWithoutItsPrefix() {
		assertThat(signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(SECRET.substring("whsec_".length()))))
		        .isEqualTo(SIGNATURE);
	}

	@Test
	void signatureHeader_shouldWriteOneEntryPerSecretInTheSecretsOrder() {
		String other = signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(OTHER_SECRET));

		String header = signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(OTHER_SECRET, SECRET));

		assertThat(header).isEqualTo(other + " " + SIGNATURE);
	}

	@Test
	void signatureHeader_shouldSignTheBodyBytes() {
		String header = signer.signatureHeader(MSG_ID, TIMESTAMP, "{\"test\":2432232314}".getBytes(UTF_8),
		    List.of(SECRET));

		assertThat(header).startsWith("v1,").isNotEqualTo(SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "whsec_not base64!", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "c2hvcnQ=",
	        "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A=",
	        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw=garbage" })
	void signatureHeader_shouldRejectAMalformedSecretWithoutRevealingIt(String secret) {
		assertThatThrownBy(() -> signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(secret)))
		        .isInstanceOf(IllegalArgumentException.class).hasNoCause()
		        .hasMessageContaining("signing secret 1 of 1")
		        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.replace("whsec_", "")));
	}

	@Test
	void signatureHeader_shouldRejectAnEmptySecret() {
		assertThatThrownBy(() -> signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of("whsec_")))
		        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("signing secret 1 of 1 is not valid");
	}

	@Test
	void signatureHeader_shouldNameTheMalformedSecretByPosition() {
		assertThatThrownBy(() -> signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(SECRET, "whsec_%%%%")))
		        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("signing secret 2 of 2 is not valid");
	}

	@Test
	void signatureHeader_shouldRejectMissingArguments() {
		assertThatThrownBy(() -> signer.signatureHeader("", TIMESTAMP, BODY, List.of(SECRET)))
		        .isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> signer.signatureHeader(MSG_ID, TIMESTAMP, null, List.of(SECRET)))
		        .isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, Collections.emptyList()))
		        .isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, Collections.singletonList(null)))
		        .isInstanceOf(IllegalArgumentException.class).hasMessage("signing secret 1 of 1 is missing");
	}

	@Test
	void signatureHeader_shouldGiveTheSameAnswersFromManyThreads() throws Exception {
		String expectedOther = signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(OTHER_SECRET));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				// alternating keys on each thread's Mac would show up here if a re-key leaked between calls
				results.add(pool.submit(() -> {
					for (int i = 0; i < 2_000; i++) {
						if (!SIGNATURE.equals(signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(SECRET)))
						        || !expectedOther
						                .equals(signer.signatureHeader(MSG_ID, TIMESTAMP, BODY, List.of(OTHER_SECRET)))) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
