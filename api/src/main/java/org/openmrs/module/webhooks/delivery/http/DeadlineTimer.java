package org.openmrs.module.webhooks.delivery.http;

import java.io.Closeable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.concurrent.Cancellable;
import org.openmrs.module.webhooks.ModuleThreads;

/**
 * Enforces a whole-send deadline. HttpClient's own timeouts bound each wait separately (pool, connect, each
 * socket read), so a receiver dripping one byte a second could hold a worker for ever; this cancels the
 * request, which closes its connection, when the deadline passes. One daemon thread per transport, and only while
 * deadlines run: it ends by itself {@link #IDLE_MILLIS} after the last one, and {@link #stop()} ends it at once
 * (the module's stop), so no thread of the module outlives the module, even while the transport bean lives on.
 */
final class DeadlineTimer implements Closeable {

	/** The deadline of the send the current thread is connecting for, if any; see {@link Deadline#enter()}. */
	private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<Deadline>();

	/** How long the timer's thread outlives the last deadline before it ends. */
	static final long IDLE_MILLIS = 2_000;

	/** How long {@link #stop()} waits for the thread to end. */
	private static final long STOP_WAIT_MILLIS = 5_000;

	/** {@code null} before the first deadline and after {@link #stop()}; made again by the next deadline. */
	private volatile ScheduledThreadPoolExecutor timer;

	private volatile boolean closed;

	/** Starts the clock for {@code request}; the caller must {@link Deadline#stop()} it when done. */
	Deadline start(Cancellable request, long timeoutMillis) {
		Deadline deadline = new Deadline(request);
		deadline.future = timer().schedule(deadline::fire, timeoutMillis, TimeUnit.MILLISECONDS);
		return deadline;
	}

	private ScheduledThreadPoolExecutor timer() {
		ScheduledThreadPoolExecutor current = timer;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (closed) {
				throw new RejectedExecutionException("the deadline timer is closed");
			}
			if (timer == null) {
				ScheduledThreadPoolExecutor made = new ScheduledThreadPoolExecutor(1,
				        ModuleThreads.factory("webhooks-http-deadline"));
				// Nearly every deadline is cancelled long before it fires; do not let them pile up in the queue.
				made.setRemoveOnCancelPolicy(true);
				// The thread ends once no deadline is left (a worker never leaves a deadline waiting in the queue).
				made.setKeepAliveTime(IDLE_MILLIS, TimeUnit.MILLISECONDS);
				made.allowCoreThreadTimeOut(true);
				timer = made;
			}
			return timer;
		}
	}

	/**
	 * Ends the timer's thread and waits (boundedly) until it has ended; deadlines still running are dropped, so stop
	 * the sends first. A later deadline starts a new thread.
	 */
	void stop() {
		ScheduledThreadPoolExecutor current;
		synchronized (this) {
			current = timer;
			timer = null;
		}
		if (current == null) {
			return;
		}
		current.shutdownNow();
		try {
			current.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** {@link #stop()}, and no deadline can start any more (they throw {@link RejectedExecutionException}). */
	@Override
	public void close() {
		synchronized (this) {
			closed = true;
		}
		stop();
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
