package org.openmrs.module.webhooks.capture;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of change capture in this JVM since the module (re)started, for the stats resource and the admin page.
 * Thread-safe; no I/O. Failures are also added, off the save path, to the {@code capture.failures} row of
 * {@code webhooks_counter} (see {@link #drainUnpersistedFailures()}).
 */
public final class CaptureStats {

	private final AtomicLong transactionsWritten = new AtomicLong();

	private final AtomicLong eventsWritten = new AtomicLong();

	private final AtomicLong failedTransactions = new AtomicLong();

	private final AtomicLong failedEvents = new AtomicLong();

	private final AtomicLong callbackErrors = new AtomicLong();

	private final AtomicLong unpersistedFailures = new AtomicLong();

	void written(int events) {
		transactionsWritten.incrementAndGet();
		eventsWritten.addAndGet(events);
	}

	void failed(int events) {
		failedTransactions.incrementAndGet();
		failedEvents.addAndGet(events);
		unpersistedFailures.incrementAndGet();
	}

	void callbackError() {
		callbackErrors.incrementAndGet();
	}

	/** Transactions whose events were written to the outbox. */
	public long getTransactionsWritten() {
		return transactionsWritten.get();
	}

	/** Events written to the outbox. */
	public long getEventsWritten() {
		return eventsWritten.get();
	}

	/** Committed transactions whose events could not be written (the clinical change committed without them). */
	public long getFailedTransactions() {
		return failedTransactions.get();
	}

	/** Events lost with those transactions. */
	public long getFailedEvents() {
		return failedEvents.get();
	}

	/** Callbacks that failed to classify a change (each may have lost an event); logged. */
	public long getCallbackErrors() {
		return callbackErrors.get();
	}

	/** Takes the failures not yet added to the shared counter; the caller adds them (or gives them back). */
	public long drainUnpersistedFailures() {
		return unpersistedFailures.getAndSet(0);
	}

	/** Gives back failures that could not be persisted, to be tried again later. */
	public void restoreUnpersistedFailures(long count) {
		unpersistedFailures.addAndGet(count);
	}
}
