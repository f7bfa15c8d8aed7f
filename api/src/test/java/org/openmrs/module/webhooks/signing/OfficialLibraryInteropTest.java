package org.openmrs.module.webhooks.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.standardwebhooks.Webhook;

/**
 * Our signer and verifier against the official Java library {@code com.standardwebhooks:standardwebhooks}, an
 * independent implementation. It reads the system clock, so these sign with the current time.
 */
class OfficialLibraryInteropTest {

	private static final String BODY = "{\"id\":\"3f1c\",\"type\":\"encounter.created\",\"data\":{\"note\":\"Zoë ✓ 東京\"}}";

	private final WebhookSigner signer = new WebhookSigner();

	private final SecretGenerator generator = new SecretGenerator();

	@Test
	void signatureHeader_shouldBeVerifiedByTheOfficialLibrary() {
		String secret = generator.generate();
		long now = Instant.now().getEpochSecond();

		String signature = signer.signatureHeader("msg_single", now, BODY.getBytes(UTF_8), List.of(secret));

		assertThatCode(() -> new Webhook(secret).verify(BODY, headers("msg_single", now, signature)))
		        .doesNotThrowAnyException();
	}

	@Test
	void signatureHeader_shouldBeVerifiedByTheOfficialLibraryWithEachSecretOfARotation() {
		List<String> secrets = List.of(generator.generate(), generator.generate(24), generator.generate(64));
		long now = Instant.now().getEpochSecond();

		String signature = signer.signatureHeader("msg_multi", now, BODY.getBytes(UTF_8), secrets);

		assertThat(signature.split(" ")).hasSize(3);
		for (String secret : secrets) {
			assertThatCode(() -> new Webhook(secret).verify(BODY, headers("msg_multi", now, signature)))
			        .doesNotThrowAnyException();
		}
	}

	@Test
	void signatureHeader_shouldEqualTheOfficialLibrarysSignature() throws Exception {
		String secret = generator.generate();

		assertThat(signer.signatureHeader("msg_same", 1700000000L, BODY.getBytes(UTF_8), List.of(secret)))
		        .isEqualTo(new Webhook(secret).sign("msg_same", 1700000000L, BODY));
	}

	@Test
	void verify_shouldAcceptTheOfficialLibrarysSignature() throws Exception {
		String secret = generator.generate();
		Instant now = Instant.ofEpochSecond(1700000000L);
		String signature = new Webhook(secret).sign("msg_theirs", now.getEpochSecond(), BODY);

		WebhookVerifier.Result result = WebhookVerifier.verify(
		    Map.of("webhook-id", "msg_theirs", "webhook-timestamp", "1700000000", "webhook-signature", signature),
		    BODY.getBytes(UTF_8), secret, now, Duration.ofMinutes(5));

		assertThat(result).isEqualTo(WebhookVerifier.Result.VALID);
	}

	@ParameterizedTest
	@ValueSource(ints = { 24, 32, 64 })
	void generate_shouldMakeSecretsTheOfficialLibraryAccepts(int bytes) throws Exception {
		String secret = generator.generate(bytes);
		long now = Instant.now().getEpochSecond();
		String theirs = new Webhook(secret).sign("msg_generated", now, BODY);

		assertThat(signer.signatureHeader("msg_generated", now, BODY.getBytes(UTF_8), List.of(secret)))
		        .isEqualTo(theirs);
		assertThatCode(() -> new Webhook(secret).verify(BODY, headers("msg_generated", now, theirs)))
		        .doesNotThrowAnyException();
	}

	private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
		return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(String.valueOf(timestamp)),
		    "webhook-signature", List.of(signature));
	}
}
