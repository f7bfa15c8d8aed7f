package org.openmrs.module.webhooks.delivery;

/**
 * What one send produced: an HTTP response ({@link FailureKind#NONE}) or the reason there was none. Immutable.
 * <p>
 * Once a status line has arrived the result is a response, even if the body then stalls or breaks: the
 * receiver has decided, and re-sending because its body was slow would only duplicate the event. The
 * excerpt is then whatever arrived in time.
 */
public final class TransportResult {

	private final Integer statusCode;

	private final long durationMillis;

	private final String responseExcerpt;

	private final Long retryAfterSeconds;

	private final FailureKind failure;

	private final String error;

	private TransportResult(Integer statusCode, long durationMillis, String responseExcerpt, Long retryAfterSeconds,
	    FailureKind failure, String error) {
		this.statusCode = statusCode;
		this.durationMillis = durationMillis;
		this.responseExcerpt = responseExcerpt;
		this.retryAfterSeconds = retryAfterSeconds;
		this.failure = failure;
		this.error = error;
	}

	/**
	 * An HTTP response arrived.
	 *
	 * @param responseExcerpt the first KBs of the body as text, or {@code null} when there was no body
	 * @param retryAfterSeconds the parsed {@code Retry-After}, or {@code null}
	 */
	public static TransportResult response(int statusCode, long durationMillis, String responseExcerpt,
	        Long retryAfterSeconds) {
		return new TransportResult(statusCode, durationMillis, responseExcerpt, retryAfterSeconds, FailureKind.NONE,
		        null);
	}

	/**
	 * No HTTP response.
	 *
	 * @param failure anything but {@link FailureKind#NONE}
	 * @param error short human text, never containing header values or secrets
	 */
	public static TransportResult failure(FailureKind failure, String error, long durationMillis) {
		if (failure == null || failure == FailureKind.NONE) {
			throw new IllegalArgumentException("a failure needs a FailureKind other than NONE");
		}
		return new TransportResult(null, durationMillis, null, null, failure, error);
	}

	/** The HTTP status, or {@code null} when no response arrived. */
	public Integer getStatusCode() {
		return statusCode;
	}

	/** Wall time of the send, including connect and body read. */
	public long getDurationMillis() {
		return durationMillis;
	}

	/** The first 4 KB of the body decoded as UTF-8, or {@code null} when there was no body (or no response). */
	public String getResponseExcerpt() {
		return responseExcerpt;
	}

	/** Seconds from {@code Retry-After} (delta-seconds or HTTP-date, never negative), or {@code null}. */
	public Long getRetryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** Never {@code null}; {@link FailureKind#NONE} when a response arrived. */
	public FailureKind getFailure() {
		return failure;
	}

	/** {@code null} when a response arrived; otherwise short human text safe to store and show. */
	public String getError() {
		return error;
	}

	/** A 2xx response. */
	public boolean isSuccess() {
		return statusCode != null && statusCode >= 200 && statusCode < 300;
	}

	@Override
	public String toString() {
		return failure == FailureKind.NONE
		        ? "TransportResult[status=" + statusCode + ", " + durationMillis + " ms]"
		        : "TransportResult[" + failure + ": " + error + ", " + durationMillis + " ms]";
	}
}
