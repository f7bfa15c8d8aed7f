package org.openmrs.module.webhooks.api;

/** The receiver's answer to "Send test event". */
public final class TestResult {

	private final boolean success;

	private final Integer statusCode;

	private final long durationMillis;

	private final String error;

	private final String responseExcerpt;

	public TestResult(boolean success, Integer statusCode, long durationMillis, String error, String responseExcerpt) {
		this.success = success;
		this.statusCode = statusCode;
		this.durationMillis = durationMillis;
		this.error = error;
		this.responseExcerpt = responseExcerpt;
	}

	/** A 2xx answer. */
	public boolean isSuccess() {
		return success;
	}

	/** {@code null} when no response came. */
	public Integer getStatusCode() {
		return statusCode;
	}

	public long getDurationMillis() {
		return durationMillis;
	}

	/** {@code null} on an HTTP answer; otherwise what went wrong (timeout, refused, egress denied …). */
	public String getError() {
		return error;
	}

	/** The first KBs of the response body, or {@code null}. */
	public String getResponseExcerpt() {
		return responseExcerpt;
	}
}
