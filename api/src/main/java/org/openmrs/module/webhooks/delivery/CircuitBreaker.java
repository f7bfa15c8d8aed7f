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
 * Endpoint health per target. After {@code failureThreshold} consecutive failures the target is PAUSED for as
 * long as it has been failing (at least {@code basePause}, at most {@code maxPause}); when the pause is over one
 * probe goes out, and its success makes the target ACTIVE again. A target whose failures have run
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

	/** 5 failures; pauses from 30 s, as long as the failures have lasted, up to 1 h; disabled after 5 days of failure. */
	public static CircuitBreaker defaults() {
		return new CircuitBreaker(5, 30_000L, 3_600_000L, 5L * 24 * 3_600_000L);
	}

	/**
	 * The pause grows with how long the target has been failing, not with how many requests failed: a burst of
	 * concurrent failures (requests already in flight when the breaker trips) must not push a receiver that
	 * restarts for a minute into the longest pause. Since each probe comes after the previous pause, the pause
	 * roughly doubles per failed probe: 30 s, 1 min, 2 min … up to the maximum.
	 *
	 * @param failingForMillis time since the first failure of the current run
	 */
	long pauseMillis(long failingForMillis) {
		return Math.min(maxPauseMillis, Math.max(basePauseMillis, failingForMillis));
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
				store.pause(c, targetId, now + pauseMillis(now - h.failingSince));
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
