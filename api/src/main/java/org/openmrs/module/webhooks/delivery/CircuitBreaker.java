package org.openmrs.module.webhooks.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.delivery.store.DeliveryOutcome;
import org.openmrs.module.webhooks.delivery.store.TargetHealthStore;
import org.openmrs.module.webhooks.model.TargetState;

/**
 * Endpoint health per target. After {@code failureThreshold} consecutive failures the target is PAUSED for a
 * pause that doubles with every further failure (from {@code basePause} up to {@code maxPause}); when the pause
 * is over one probe goes out, and its success makes the target ACTIVE again. A target whose failures have run
 * for {@code disableAfter} (Svix: 5 days), or that answered 410 Gone, is DISABLED until a person enables it.
 * An immutable value; {@link #record} writes through {@link TargetHealthStore}'s conditional UPDATEs.
 */
public final class CircuitBreaker {

	private final int failureThreshold;

	private final long basePauseMillis;

	private final long maxPauseMillis;

	private final long disableAfterMillis;

	public CircuitBreaker(int failureThreshold, long basePauseMillis, long maxPauseMillis, long disableAfterMillis) {
		this.failureThreshold = failureThreshold;
		this.basePauseMillis = basePauseMillis;
		this.maxPauseMillis = maxPauseMillis;
		this.disableAfterMillis = disableAfterMillis;
	}

	/** 5 failures; pauses of 30 s doubling up to 1 h; disabled after 5 days of failure. */
	public static CircuitBreaker defaults() {
		return new CircuitBreaker(5, 30_000L, 3_600_000L, 5L * 24 * 3_600_000L);
	}

	long pauseMillis(int consecutiveFailures) {
		int doublings = Math.max(0, Math.min(30, consecutiveFailures - failureThreshold));
		return Math.min(maxPauseMillis, basePauseMillis << doublings);
	}

	/** Applies a flush's outcomes (in the order they happened) to the targets' health; caller's transaction. */
	void record(Connection c, TargetHealthStore store, List<DeliveryOutcome> outcomes, long now) throws SQLException {
		Map<Long, Run> runs = new LinkedHashMap<>();
		for (DeliveryOutcome o : outcomes) {
			runs.computeIfAbsent(o.getTargetId(), k -> new Run()).add(o);
		}
		for (Map.Entry<Long, Run> e : runs.entrySet()) {
			apply(c, store, e.getKey(), e.getValue(), now);
		}
	}

	private void apply(Connection c, TargetHealthStore store, long targetId, Run run, long now) throws SQLException {
		if (run.lastSuccessAt > 0) {
			store.recordSuccess(c, targetId, run.lastSuccessAt);
		}
		if (run.trailingFailures > 0) {
			store.recordFailures(c, targetId, run.trailingFailures, run.firstFailureAt, run.lastFailureAt, run.lastError);
			TargetHealthStore.Health h = store.read(c, targetId);
			if (h != null && h.failingSince > 0 && now - h.failingSince >= disableAfterMillis) {
				store.disable(c, targetId, "failing continuously since " + h.failingSince + " (" + run.lastError + ")");
			}
			else if (h != null && (h.state == TargetState.PAUSED
			        || (h.state == TargetState.ACTIVE && h.consecutiveFailures >= failureThreshold))) {
				store.pause(c, targetId, now + pauseMillis(h.consecutiveFailures));
			}
		}
		if (run.gone) {
			store.disable(c, targetId, "HTTP 410 Gone");
		}
	}

	/** One target's outcomes within a flush. */
	private static final class Run {

		long lastSuccessAt;

		int trailingFailures;

		long firstFailureAt;

		long lastFailureAt;

		String lastError;

		boolean gone;

		void add(DeliveryOutcome o) {
			if (o.isDelivered()) {
				lastSuccessAt = o.getStartedAt() + o.getDurationMillis();
				trailingFailures = 0;
				return;
			}
			if (trailingFailures++ == 0) {
				firstFailureAt = o.getStartedAt();
			}
			lastFailureAt = o.getStartedAt() + o.getDurationMillis();
			lastError = o.getError();
			Integer code = o.getStatusCode();
			gone |= code != null && code == 410;
		}
	}
}
