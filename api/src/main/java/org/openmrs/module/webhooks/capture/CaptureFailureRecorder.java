package org.openmrs.module.webhooks.capture;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.openmrs.module.webhooks.ModuleThreads;
import org.openmrs.module.webhooks.WebhooksLifecycle;
import org.openmrs.module.webhooks.outbox.CounterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds capture failures counted in memory ({@link CaptureStats}) to the shared {@code capture.failures} counter,
 * on its own thread every interval, never on the save path. Best effort: a failure to persist keeps the count for
 * the next run.
 */
public final class CaptureFailureRecorder implements WebhooksLifecycle {

	static final String COUNTER = "capture.failures";

	private static final Logger log = LoggerFactory.getLogger(CaptureFailureRecorder.class);

	private final CaptureStats stats;

	private final CounterStore counters;

	private final long intervalMillis;

	private ScheduledExecutorService timer;

	public CaptureFailureRecorder(CaptureStats stats, CounterStore counters, long intervalMillis) {
		this.stats = stats;
		this.counters = counters;
		this.intervalMillis = intervalMillis;
	}

	@Override
	public synchronized void start() {
		if (timer == null) {
			timer = Executors.newSingleThreadScheduledExecutor(ModuleThreads.factory("webhooks-capture-failures"));
			timer.scheduleWithFixedDelay(this::flush, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (timer != null) {
			timer.shutdownNow();
			try {
				timer.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			timer = null;
			flush();
		}
	}

	/** Adds the failures counted since the last call to the shared counter. */
	void flush() {
		long failures = stats.drainUnpersistedFailures();
		if (failures == 0) {
			return;
		}
		try {
			counters.add(COUNTER, failures);
		}
		catch (Exception e) {
			stats.restoreUnpersistedFailures(failures);
			log.warn("Webhooks: could not record {} capture failure(s) in webhooks_counter ({}); will retry", failures,
			    e.getClass().getName());
		}
	}
}
