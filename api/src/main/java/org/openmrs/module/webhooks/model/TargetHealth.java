package org.openmrs.module.webhooks.model;

/** A target's health as the delivery engine last recorded it. Read-only through the API. Times are epoch ms, 0 = never. */
public class TargetHealth {

	private TargetState state = TargetState.ACTIVE;

	private int consecutiveFailures;

	private long lastSuccessAt;

	private long lastFailureAt;

	/** When the current run of failures started, 0 when the last attempt succeeded. */
	private long failingSince;

	/** Short description of the last failure (status code or error class); never a secret or patient data. */
	private String lastError;

	/** While PAUSED: when the circuit breaker lets the next probe through. */
	private long pausedUntil;

	public TargetState getState() {
		return state;
	}

	public void setState(TargetState state) {
		this.state = state;
	}

	public int getConsecutiveFailures() {
		return consecutiveFailures;
	}

	public void setConsecutiveFailures(int consecutiveFailures) {
		this.consecutiveFailures = consecutiveFailures;
	}

	public long getLastSuccessAt() {
		return lastSuccessAt;
	}

	public void setLastSuccessAt(long lastSuccessAt) {
		this.lastSuccessAt = lastSuccessAt;
	}

	public long getLastFailureAt() {
		return lastFailureAt;
	}

	public void setLastFailureAt(long lastFailureAt) {
		this.lastFailureAt = lastFailureAt;
	}

	public long getFailingSince() {
		return failingSince;
	}

	public void setFailingSince(long failingSince) {
		this.failingSince = failingSince;
	}

	public String getLastError() {
		return lastError;
	}

	public void setLastError(String lastError) {
		this.lastError = lastError;
	}

	public long getPausedUntil() {
		return pausedUntil;
	}

	public void setPausedUntil(long pausedUntil) {
		this.pausedUntil = pausedUntil;
	}
}
