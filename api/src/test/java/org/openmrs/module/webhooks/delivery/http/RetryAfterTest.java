package org.openmrs.module.webhooks.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

	private static final Clock NOW = Clock.fixed(Instant.parse("1994-11-06T08:49:00Z"), ZoneOffset.UTC);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "0|0", "7|7", " 120 |120", "86400|86400",
	        "Sun, 06 Nov 1994 08:49:37 GMT|37", "Sunday, 06-Nov-94 08:49:37 GMT|37", "Sun Nov  6 08:49:37 1994|37",
	        "Sun, 06 Nov 1994 08:00:00 GMT|0" })
	void parse_shouldReadSecondsAndEveryDateForm(String header, long expected) {
		assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "-1", "1.5", "7s", "soon", "1234567890", "Sun, 06 Nov 1994 25:00:00 GMT", "٣" })
	void parse_shouldGiveNull_forAbsentOrUnreadableValues(String header) {
		assertThat(RetryAfter.parse(header, NOW)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1994-11-06T08:49:37.250Z" })
	void parse_shouldRoundUp_whenTheClockIsBetweenSeconds(String now) {
		// given a clock 0.25 s past a whole second and a date 2.75 s ahead
		Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);

		// then
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:40 GMT", clock)).isEqualTo(3L);
	}
}
