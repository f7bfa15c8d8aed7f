package org.openmrs.module.webhooks.delivery.http;

import java.io.Closeable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.concurrent.Cancellable;
import org.openmrs.module.webhooks.ModuleThreads;

/**
 * Enforces a whole-send deadline. HttpClient's own timeouts bound each wait separately (pool, connect, each
 * socket read), so a receiver dripping one byte a second could hold a worker for ever; this cancels the
 * request, which closes its connection, when the deadline passes. One daemon thread per transport.
 */
final class DeadlineTimer implements Closeable {

	/** The deadline of the send the current thread is connecting for, if any; see {@link Deadline#enter()}. */
	private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<Deadline>();

	private final ScheduledThreadPoolExecutor timer;

	DeadlineTimer() {
		timer = new ScheduledThreadPoolExecutor(1, ModuleThreads.factory("webhooks-http-deadline"));
		// Nearly every deadline is cancelled long before it fires; do not let them pile up in the queue.
		timer.setRemoveOnCancelPolicy(true);
	}

	/** Starts the clock for {@code request}; the caller must {@link Deadline#stop()} it when done. */
	Deadline start(Cancellable request, long timeoutMillis) {
		Deadline deadline = new Deadline(request);
		deadline.future = timer.schedule(deadline::fire, timeoutMillis, TimeUnit.MILLISECONDS);
		return deadline;
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

	/** The deadline the current thread has {@link Deadline#enter() entered}, or {@code null}. */
	static Deadline current() {
		return CURRENT.get();
	}

	/** One running deadline. */
	static final class Deadline {

		private final Cancellable request;

		private final AtomicBoolean passed = new AtomicBoolean();

		private volatile ScheduledFuture<?> future;

		private Deadline(Cancellable request) {
			this.request = request;
		}

		private void fire() {
			passed.set(true);
			request.cancel();
		}

		/** Whether the deadline fired (and cancelled the request). */
		boolean hasPassed() {
			return passed.get();
		}

		/** Makes this the current thread's deadline until {@link #exit()}. */
		void enter() {
			CURRENT.set(this);
		}

		void exit() {
			CURRENT.remove();
		}

		void stop() {
			ScheduledFuture<?> scheduled = future;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		}
	}
}
