package org.openmrs.module.webhooks.model;

/** One HTTP attempt of a delivery ({@code webhooks_attempt}), kept for the delivery log. */
public class Attempt {

	private long startedAt;

	private long durationMillis;

	/** The HTTP status, or {@code null} when no response came (timeout, refused, egress denied). */
	private Integer statusCode;

	/** What went wrong, or {@code null}; never a secret. */
	private String error;

	/** The first KBs of the response body (capped), or {@code null}. */
	private String responseExcerpt;

	/** Whether a person asked for it (retry, test send) rather than the schedule. */
	private boolean manual;

	public long getStartedAt() {
		return startedAt;
	}

	public void setStartedAt(long startedAt) {
		this.startedAt = startedAt;
	}

	public long getDurationMillis() {
		return durationMillis;
	}

	public void setDurationMillis(long durationMillis) {
		this.durationMillis = durationMillis;
	}

	public Integer getStatusCode() {
		return statusCode;
	}

	public void setStatusCode(Integer statusCode) {
		this.statusCode = statusCode;
	}

	public String getError() {
		return error;
	}

	public void setError(String error) {
		this.error = error;
	}

	public String getResponseExcerpt() {
		return responseExcerpt;
	}

	public void setResponseExcerpt(String responseExcerpt) {
		this.responseExcerpt = responseExcerpt;
	}

	public boolean isManual() {
		return manual;
	}

	public void setManual(boolean manual) {
		this.manual = manual;
	}
}
