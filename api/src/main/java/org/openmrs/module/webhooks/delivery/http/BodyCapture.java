package org.openmrs.module.webhooks.delivery.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a response body with a hard cap: keeps the first {@link #EXCERPT_BYTES} for the delivery log, reads
 * and drops up to {@link #MAX_READ_BYTES} in all (so small bodies end cleanly and the connection can be
 * reused) and stops there, so a huge or endless body costs neither memory nor time. Not thread-safe; one per
 * response.
 */
final class BodyCapture {

	static final int EXCERPT_BYTES = 4 * 1024;

	static final int MAX_READ_BYTES = 64 * 1024;

	private final byte[] excerpt = new byte[EXCERPT_BYTES];

	private int excerptLength;

	private long bytesRead;

	private boolean complete;

	/**
	 * Reads until the body ends or the cap is reached. On an exception whatever arrived before stays captured.
	 *
	 * @param declaredLength the Content-Length, or a negative number when unknown
	 */
	void readFrom(InputStream in, long declaredLength) throws IOException {
		if (declaredLength > MAX_READ_BYTES) {
			// Known to exceed the cap: take the excerpt and do not bother reading towards a clean end.
			fillExcerpt(in);
			return;
		}
		fillExcerpt(in);
		if (complete) {
			return;
		}
		byte[] scratch = new byte[8 * 1024];
		while (bytesRead < MAX_READ_BYTES) {
			int n = in.read(scratch, 0, (int) Math.min(scratch.length, MAX_READ_BYTES - bytesRead));
			if (n < 0) {
				complete = true;
				return;
			}
			bytesRead += n;
		}
		// Exactly at the cap the body may still end right here; one more byte tells.
		complete = in.read() < 0;
	}

	private void fillExcerpt(InputStream in) throws IOException {
		while (excerptLength < EXCERPT_BYTES) {
			int n = in.read(excerpt, excerptLength, EXCERPT_BYTES - excerptLength);
			if (n < 0) {
				complete = true;
				return;
			}
			excerptLength += n;
			bytesRead += n;
		}
	}

	/** Whether the body was read to its end, so the connection may go back to the pool. */
	boolean isComplete() {
		return complete;
	}

	/** The captured start of the body as UTF-8 text, or {@code null} when no byte arrived. */
	String excerpt() {
		if (excerptLength == 0) {
			return null;
		}
		String text = new String(excerpt, 0, wholeCharactersEnd(excerpt, excerptLength), StandardCharsets.UTF_8);
		// Databases differ on NUL in text columns (PostgreSQL refuses it); the log loses nothing by a marker.
		return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
	}

	/** Where the last complete UTF-8 sequence ends, so a cut does not leave half a character. */
	static int wholeCharactersEnd(byte[] bytes, int length) {
		int lead = length - 1;
		while (lead >= 0 && length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80) {
			lead--;
		}
		if (lead < 0) {
			return length;
		}
		int first = bytes[lead] & 0xFF;
		int needed = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
		return length - lead < needed ? lead : length;
	}
}
