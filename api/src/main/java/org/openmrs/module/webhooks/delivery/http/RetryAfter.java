package org.openmrs.module.webhooks.delivery.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Reads a {@code Retry-After} header: delta-seconds or any of the three HTTP-date forms (RFC 9110 §10.2.3). */
final class RetryAfter {

	/** Longer than any sane back-off; beyond it the value is more likely garbage than intent. */
	private static final int MAX_DELTA_DIGITS = 9;

	private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
	        .appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US)
	        .withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)
	        .withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter[] DATE_FORMATS = { DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME };

	private RetryAfter() {
	}

	/**
	 * @param value the header value, or {@code null}
	 * @param clock the "now" a date is measured from
	 * @return whole seconds to wait (a date in the past gives 0), or {@code null} when absent or unreadable
	 */
	static Long parse(String value, Clock clock) {
		if (value == null) {
			return null;
		}
		String text = value.trim();
		if (text.isEmpty()) {
			return null;
		}
		if (isAsciiDigit(text.charAt(0))) {
			return parseDelta(text);
		}
		Instant when = parseDate(text);
		if (when == null) {
			return null;
		}
		Duration wait = Duration.between(clock.instant(), when);
		if (wait.isNegative()) {
			return 0L;
		}
		// Round up: retrying a fraction of a second before the receiver's date would be too early.
		return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
	}

	private static Long parseDelta(String text) {
		if (text.length() > MAX_DELTA_DIGITS) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!isAsciiDigit(text.charAt(i))) {
				return null;
			}
		}
		return Long.valueOf(text);
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static Instant parseDate(String text) {
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return ZonedDateTime.parse(text, format).toInstant();
			}
			catch (DateTimeParseException e) {
				// try the next form
			}
		}
		return null;
	}
}
