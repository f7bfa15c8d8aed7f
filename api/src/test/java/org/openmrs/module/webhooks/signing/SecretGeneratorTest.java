package org.openmrs.module.webhooks.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretGeneratorTest {

	@Test
	void generate_shouldEncodeTheRandomBytesAfterThePrefix() {
		SecretGenerator generator = new SecretGenerator(new CountingRandom());

		assertThat(generator.generate()).isEqualTo("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
	}

	@Test
	void generate_shouldDrawFreshBytesEachTime() {
		SecretGenerator generator = new SecretGenerator(new Random(7));

		assertThat(generator.generate()).isNotEqualTo(generator.generate());
	}

	@Test
	void generate_shouldUse32BytesByDefault() {
		assertThat(decodedLength(new SecretGenerator().generate())).isEqualTo(32);
	}

	@ParameterizedTest
	@ValueSource(ints = { 24, 32, 48, 64 })
	void generate_shouldMakeSecretsOfTheAskedLength(int bytes) {
		String secret = new SecretGenerator().generate(bytes);

		assertThat(secret).startsWith("whsec_");
		assertThat(decodedLength(secret)).isEqualTo(bytes);
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 0, 16, 23, 65, 128 })
	void generate_shouldRejectLengthsOutside24To64(int bytes) {
		assertThatThrownBy(() -> new SecretGenerator().generate(bytes)).isInstanceOf(IllegalArgumentException.class)
		        .hasMessageContaining("24 to 64");
	}

	@ParameterizedTest
	@ValueSource(ints = { 24, 32, 64 })
	void generate_shouldMakeSecretsTheSignerAccepts(int bytes) {
		String secret = new SecretGenerator().generate(bytes);

		assertThat(new WebhookSigner().signatureHeader("msg_1", 1L, new byte[0], java.util.List.of(secret)))
		        .startsWith("v1,");
	}

	private static int decodedLength(String secret) {
		return Base64.getDecoder().decode(secret.substring("whsec_".length())).length;
	}

	/** Yields 0, 1, 2 … so that a generated secret is known in advance. */
	private static final class CountingRandom extends Random {

		private static final long serialVersionUID = 1L;

		private int next;

		@Override
		public void nextBytes(byte[] bytes) {
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) next++;
			}
		}
	}
}
