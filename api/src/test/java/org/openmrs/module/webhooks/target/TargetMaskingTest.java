package org.openmrs.module.webhooks.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;

class TargetMaskingTest {

	@Test
	void mask_shouldShowTheLastFourCharactersOfLongValuesOnly() {
		assertThat(SecretValues.mask("abcdefghijkl")).isEqualTo("****ijkl");
		assertThat(SecretValues.mask("abcdefghijk")).isEqualTo("****");
		assertThat(SecretValues.mask("x")).isEqualTo("****");
		assertThat(SecretValues.mask(null)).isNull();
	}

	@Test
	void masked_shouldMaskEveryCredentialAndHeaderAndDropSigningSecrets() {
		Target t = Targets.basic("b");
		t.getHeaders().put("X-Short", "short");
		t.setSigningEnabled(true);
		t.setSigningSecrets(Arrays.asList(new SigningSecret("whsec_new", 20, 0), new SigningSecret("whsec_old", 10, 99)));

		Target masked = TargetMasking.masked(t);

		assertThat(masked.getAuth().getUsername()).isEqualTo("openmrs");
		assertThat(masked.getAuth().getPassword()).isEqualTo("****XYZ1");
		assertThat(masked.getHeaders()).containsEntry("X-Custom", "****7788").containsEntry("X-Short", "****");
		assertThat(masked.isSigningEnabled()).isTrue();
		assertThat(masked.getSigningSecrets()).hasSize(2).allSatisfy(s -> assertThat(s.getSecret()).isNull());
		assertThat(masked.getSigningSecrets().get(1).getExpiresAt()).isEqualTo(99);
		assertThat(masked.getSigningSecrets().get(0).getCreatedAt()).isEqualTo(20);
	}

	@Test
	void masked_shouldLeaveTheOriginalUntouched() {
		Target t = Targets.openFn("o");
		t.setSigningSecrets(Arrays.asList(new SigningSecret("whsec_x", 1, 0)));

		TargetMasking.masked(t);

		assertThat(t.getAuth().getValue()).isEqualTo(Targets.API_KEY);
		assertThat(t.getHeaders()).containsEntry("X-Custom", Targets.HEADER_VALUE);
		assertThat(t.getSigningSecrets().get(0).getSecret()).isEqualTo("whsec_x");
	}
}
