package org.openmrs.module.webhooks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times in JSON: the api counts epoch milliseconds, the REST API speaks ISO-8601. Written in UTC in the REST
 * module's own format ({@code 2026-11-27T09:05:01.123+0000}), so our resources look like core's.
 */
public final class Iso {

	private static final DateTimeFormatter REST_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
	        .withZone(ZoneOffset.UTC);

	/** {@code +0000}-style offsets, which {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does not read. */
	private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

	private Iso() {
	}

	/** @return the instant in the REST module's format, or {@code null} for 0 ("never" in the api) */
	public static String format(long epochMillis) {
		return epochMillis <= 0 ? null : REST_FORMAT.format(Instant.ofEpochMilli(epochMillis));
	}

	/**
	 * Reads {@code 2026-11-27T09:05:01Z}, {@code …+01:00}, {@code …+0100} (what the REST module writes), a local
	 * date-time (taken as UTC), a date (its start, UTC), or epoch milliseconds.
	 *
	 * @throws IllegalArgumentException when it is none of these
	 */
	public static long parse(String text) {
		String s = text == null ? "" : text.trim();
		if (s.matches("\\d{1,15}")) {
			return Long.parseLong(s);
		}
		try {
			return OffsetDateTime.parse(s).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ignored) {
			// try the next form
		}
		try {
			return OffsetDateTime.parse(s, COMPACT_OFFSET).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ignored) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
		}
		catch (DateTimeParseException ignored) {
			// try the next form
		}
		try {
			return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("must be an ISO-8601 date-time such as 2026-11-27T09:00:00Z");
		}
	}
}
