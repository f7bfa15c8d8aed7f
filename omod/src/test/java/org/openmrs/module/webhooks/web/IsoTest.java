package org.openmrs.module.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IsoTest {

	private static final long NINE_UTC = Instant.parse("2026-11-27T09:00:00Z").toEpochMilli();

	@Test
	void format_shouldWriteUtcInTheRestModulesFormat() {
		assertThat(Iso.format(NINE_UTC + 123)).isEqualTo("2026-11-27T09:00:00.123+0000");
	}

	@Test
	void format_shouldWriteNullForNever() {
		assertThat(Iso.format(0)).isNull();
	}

	@Test
	void parse_shouldReadTheCommonIso8601Forms() {
		assertThat(Iso.parse("2026-11-27T09:00:00Z")).isEqualTo(NINE_UTC);
		assertThat(Iso.parse("2026-11-27T09:00:00.000Z")).isEqualTo(NINE_UTC);
		assertThat(Iso.parse("2026-11-27T10:00:00+01:00")).isEqualTo(NINE_UTC);
		assertThat(Iso.parse("2026-11-27T10:00:00.000+0100")).isEqualTo(NINE_UTC);
		assertThat(Iso.parse("2026-11-27T09:00:00")).isEqualTo(NINE_UTC);
		assertThat(Iso.parse(" 2026-11-27 ")).isEqualTo(NINE_UTC - 9 * 3_600_000L);
		assertThat(Iso.parse(String.valueOf(NINE_UTC))).isEqualTo(NINE_UTC);
	}

	@Test
	void parse_shouldReadWhatFormatWrote() {
		assertThat(Iso.parse(Iso.format(NINE_UTC + 5))).isEqualTo(NINE_UTC + 5);
	}

	@Test
	void parse_shouldRefuseAnythingElseSayingWhatItWants() {
		for (String bad : new String[] { "", "yesterday", "27/11/2026", "2026-13-01", null }) {
			assertThatThrownBy(() -> Iso.parse(bad)).isInstanceOf(IllegalArgumentException.class)
			        .hasMessageContaining("ISO-8601");
		}
	}
}
