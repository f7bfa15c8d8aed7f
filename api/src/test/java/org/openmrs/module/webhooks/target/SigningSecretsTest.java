package org.openmrs.module.webhooks.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;

class SigningSecretsTest {

	private static final long HOUR = 3_600_000L;

	private final AtomicInteger counter = new AtomicInteger();

	private final SigningSecrets signing = new SigningSecrets(() -> "whsec_" + counter.incrementAndGet());

	@Test
	void ensureSecret_shouldGenerateOneOnlyWhenSigningIsOnAndNoneIsActive() {
		Target t = Targets.openFn("t");
		assertThat(signing.ensureSecret(t, 1000)).isNull();

		t.setSigningEnabled(true);
		assertThat(signing.ensureSecret(t, 1000)).isEqualTo("whsec_1");
		assertThat(signing.ensureSecret(t, 2000)).isNull();
		assertThat(t.getSigningSecrets()).extracting(SigningSecret::getSecret).containsExactly("whsec_1");
	}

	@Test
	void rotate_shouldPutTheNewSecretFirstAndExpireTheOldOnesAfterTheOverlap() {
		Target t = Targets.openFn("t");
		t.setSigningEnabled(true);
		signing.ensureSecret(t, 0);

		String created = signing.rotate(t, 10 * HOUR, 24);

		assertThat(created).isEqualTo("whsec_2");
		assertThat(t.getSigningSecrets()).extracting(SigningSecret::getSecret).containsExactly("whsec_2", "whsec_1");
		assertThat(t.getSigningSecrets().get(0).getExpiresAt()).isZero();
		assertThat(t.getSigningSecrets().get(1).getExpiresAt()).isEqualTo(34 * HOUR);
	}

	@Test
	void rotate_shouldKeepAnEarlierExpiryAndDropExpiredSecrets() {
		Target t = Targets.openFn("t");
		t.setSigningSecrets(new ArrayList<>(Arrays.asList(new SigningSecret("a", 0, 0), new SigningSecret("b", 0,
		        5 * HOUR), new SigningSecret("c", 0, HOUR))));

		signing.rotate(t, 2 * HOUR, 24);

		assertThat(t.getSigningSecrets()).extracting(SigningSecret::getSecret, SigningSecret::getExpiresAt)
		        .containsExactly(org.assertj.core.groups.Tuple.tuple("whsec_1", 0L),
		            org.assertj.core.groups.Tuple.tuple("a", 26 * HOUR), org.assertj.core.groups.Tuple.tuple("b", 5 * HOUR));
	}

	@Test
	void rotate_shouldRevokeTheOldSecretsAtOnceWithoutOverlap() {
		Target t = Targets.openFn("t");
		t.setSigningSecrets(new ArrayList<>(Arrays.asList(new SigningSecret("a", 0, 0))));

		signing.rotate(t, HOUR, 0);

		assertThat(t.getSigningSecrets()).extracting(SigningSecret::getSecret).containsExactly("whsec_1");
	}

	@Test
	void secretGenerator_asSupplier_shouldGiveWhsecAndBase64Of32FreshBytes() {
		java.util.function.Supplier<String> generator = new org.openmrs.module.webhooks.signing.SecretGenerator();
		String a = generator.get();
		assertThat(a).startsWith("whsec_");
		assertThat(java.util.Base64.getDecoder().decode(a.substring(6))).hasSize(32);
		assertThat(generator.get()).isNotEqualTo(a);
	}
}
