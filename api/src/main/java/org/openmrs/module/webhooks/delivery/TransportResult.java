package org.openmrs.module.webhooks.delivery;

/** What came of one {@link OutboundRequest}. Immutable. */
public final class TransportResult {

	/** Why no usable HTTP answer came; {@link #NONE} when the receiver answered (whatever the status). */
	public enum FailureKind {
		NONE, TIMEOUT, CONNECT, TLS, EGRESS_REFUSED, INVALID_URL, IO
	}

	private final Integer statusCode;

	private final long durationMillis;

	private final String responseExcerpt;

	private final Long retryAfterSeconds;

	private final FailureKind failure;

	private final String error;

	/**
	 * @param statusCode {@code null} when no response came
	 * @param responseExcerpt the first KBs of the body, or {@code null}
	 * @param retryAfterSeconds the parsed {@code Retry-After}, or {@code null}
	 * @param failure never {@code null}
	 * @param error a short description without secrets, or {@code null}
	 */
	public TransportResult(Integer statusCode, long durationMillis, String responseExcerpt, Long retryAfterSeconds,
	    FailureKind failure, String error) {
		this.statusCode = statusCode;
		this.durationMillis = durationMillis;
		this.responseExcerpt = responseExcerpt;
		this.retryAfterSeconds = retryAfterSeconds;
		this.failure = failure;
		this.error = error;
	}

	public Integer getStatusCode() {
		return statusCode;
	}

	public long getDurationMillis() {
		return durationMillis;
	}

	public String getResponseExcerpt() {
		return responseExcerpt;
	}

	public Long getRetryAfterSeconds() {
		return retryAfterSeconds;
	}

	public FailureKind getFailure() {
		return failure;
	}

	public String getError() {
		return error;
	}

	/** A 2xx answer. */
	public boolean isSuccess() {
		return failure == FailureKind.NONE && statusCode != null && statusCode >= 200 && statusCode < 300;
	}
}
