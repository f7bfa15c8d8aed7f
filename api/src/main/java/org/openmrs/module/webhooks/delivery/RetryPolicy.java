package org.openmrs.module.webhooks.delivery;

import java.util.Arrays;
import java.util.Random;

/**
 * When to try again, and which answers are worth trying again: an immutable value in the spirit of
 * {@code maxRetries(3).withBackoff(d)}. The default is the Svix schedule (attempts at 0, 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h) with ±20 % jitter, {@code Retry-After} honoured but clamped between the scheduled
 * delay and twice it, 408 / 429 / 5xx and network failures retried, everything else final.
 */
public final class RetryPolicy {

	/** What an answer means for the delivery. */
	public enum Verdict {
		/** 2xx */
		DELIVERED,
		/** 410: the receiver is gone; the delivery fails and the target is disabled. */
		GONE,
		/** Worth another attempt. */
		RETRY,
		/** Final failure. */
		FAIL
	}

	private static final long S = 1000L;

	private static final long M = 60 * S;

	private static final long H = 60 * M;

	private final long[] attemptOffsets;

	private final double jitter;

	private final int maxAttempts;

	private final boolean retryClientErrors;

	private RetryPolicy(long[] attemptOffsets, double jitter, int maxAttempts, boolean retryClientErrors) {
		this.attemptOffsets = attemptOffsets;
		this.jitter = jitter;
		this.maxAttempts = maxAttempts;
		this.retryClientErrors = retryClientErrors;
	}

	public static RetryPolicy svix() {
		return new RetryPolicy(new long[] { 0, 5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H }, 0.2, 8, false);
	}

	/**
	 * @param delaysMillis delay before attempt 2, 3, …; the last one repeats when attempts go beyond the list
	 */
	public RetryPolicy withDelays(long... delaysMillis) {
		long[] offsets = new long[delaysMillis.length + 1];
		System.arraycopy(delaysMillis, 0, offsets, 1, delaysMillis.length);
		return new RetryPolicy(offsets, jitter, maxAttempts, retryClientErrors);
	}

	/** @param fraction 0.2 for ±20 % */
	public RetryPolicy withJitter(double fraction) {
		return new RetryPolicy(attemptOffsets, fraction, maxAttempts, retryClientErrors);
	}

	/** Attempts before a delivery is DEAD, for targets that do not set their own. */
	public RetryPolicy withMaxAttempts(int attempts) {
		return new RetryPolicy(attemptOffsets, jitter, attempts, retryClientErrors);
	}

	/** Whether 4xx answers other than 408 / 410 / 429 are retried (they fail for good by default). */
	public RetryPolicy withClientErrorsRetried(boolean retried) {
		return new RetryPolicy(attemptOffsets, jitter, maxAttempts, retried);
	}

	public int maxAttempts() {
		return maxAttempts;
	}

	public Verdict classify(TransportResult result) {
		if (result.isSuccess()) {
			return Verdict.DELIVERED;
		}
		switch (result.getFailure()) {
			case TIMEOUT:
			case CONNECT:
			case IO:
				return Verdict.RETRY;
			case NONE:
				break;
			default:
				// TLS, refused egress and invalid URLs need a person to change something
				return Verdict.FAIL;
		}
		int status = result.getStatusCode() == null ? 0 : result.getStatusCode();
		if (status == 410) {
			return Verdict.GONE;
		}
		if (status == 408 || status == 429 || status >= 500) {
			return Verdict.RETRY;
		}
		if (status >= 400 && status < 500 && retryClientErrors) {
			return Verdict.RETRY;
		}
		// 3xx (never followed), other 4xx, 1xx
		return Verdict.FAIL;
	}

	/**
	 * The wait before the next attempt, after {@code attemptsMade} attempts (1 or more).
	 *
	 * @param retryAfterSeconds the receiver's {@code Retry-After}, or {@code null}
	 * @param random jitter source; {@code nextDouble() == 0.5} gives the exact schedule
	 */
	public long nextDelayMillis(int attemptsMade, Long retryAfterSeconds, Random random) {
		int index = Math.min(Math.max(attemptsMade, 1), attemptOffsets.length - 1);
		long scheduled = attemptOffsets[index];
		long delay = Math.round(scheduled * (1 + jitter * (2 * random.nextDouble() - 1)));
		if (retryAfterSeconds != null && retryAfterSeconds >= 0) {
			// Svix: honour Retry-After, but never sooner than planned nor later than twice the plan
			delay = Math.min(Math.max(retryAfterSeconds * S, delay), 2 * delay);
		}
		return Math.max(0, delay);
	}

	@Override
	public String toString() {
		return "RetryPolicy" + Arrays.toString(attemptOffsets) + " jitter " + jitter + " max " + maxAttempts;
	}
}
