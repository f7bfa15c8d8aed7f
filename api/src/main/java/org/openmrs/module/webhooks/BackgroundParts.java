package org.openmrs.module.webhooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the module's {@link WebhooksLifecycle} parts for the activator, always on a thread of the
 * module's own ({@code webhooks-start}, {@code webhooks-stop}) in an OpenMRS session opened there: the thread
 * core calls the activator on (its start-up thread, or the request that uploads or starts a module) runs no
 * module code that touches its user context.
 *
 * <p>Guarantees:
 * <ul>
 * <li>Transitions run one at a time, in the order they were asked for (each waits for the one before).</li>
 * <li>{@link #start()} starts the parts of the current Spring context, stopping first any others still
 * running; parts already running are left alone (core calls {@code contextRefreshed()} and then
 * {@code started()} at OpenMRS start-up). It waits for the start a bounded time only: OpenMRS never waits long
 * for the module, and a start that takes longer goes on by itself.</li>
 * <li>{@link #stop()} returns once every part has stopped (each part's stop returns only when its threads are
 * gone), so a context refresh or a module upgrade never sees two delivery engines. It gives up waiting only
 * after {@code stopWaitMillis}, logging an error.</li>
 * <li>A part that fails to start or stop is logged; the others still start or stop. Nothing is thrown.</li>
 * </ul>
 */
final class BackgroundParts {

	private static final Logger log = LoggerFactory.getLogger(BackgroundParts.class);

	private final Supplier<List<WebhooksLifecycle>> lookUp;

	private final ModuleSessions sessions;

	private final long startWaitMillis;

	private final long stopWaitMillis;

	/** Touched only by transition threads, which run one at a time (each joins the one before). */
	private final List<WebhooksLifecycle> running = new ArrayList<>();

	/** The latest transition thread; guarded by {@code this}. */
	private Thread last;

	/**
	 * @param lookUp the parts of the current Spring context (core's {@code Context.getRegisteredComponents}),
	 *            called on the transition thread
	 */
	BackgroundParts(Supplier<List<WebhooksLifecycle>> lookUp, ModuleSessions sessions, long startWaitMillis,
	    long stopWaitMillis) {
		this.lookUp = lookUp;
		this.sessions = sessions;
		this.startWaitMillis = startWaitMillis;
		this.stopWaitMillis = stopWaitMillis;
	}

	/** Starts the current context's parts on a module thread, waiting up to {@code startWaitMillis} for it. */
	void start() {
		await(transition("start", this::startParts), startWaitMillis, "start");
	}

	/** Stops every running part on a module thread and waits until that is done (up to {@code stopWaitMillis}). */
	void stop() {
		await(transition("stop", this::stopParts), stopWaitMillis, "stop");
	}

	/** Whether a transition thread is still at work (for tests and diagnostics). */
	synchronized boolean isBusy() {
		return last != null && last.isAlive();
	}

	private synchronized Thread transition(final String what, final Runnable work) {
		final Thread previous = last;
		Thread t = ModuleThreads.newThread(new Runnable() {

			@Override
			public void run() {
				joinUninterruptibly(previous);
				final boolean[] ran = new boolean[1];
				try {
					sessions.call(what, ModuleSessions.NO_PRIVILEGES, () -> {
						ran[0] = true;
						work.run();
						return null;
					});
				}
				catch (Throwable e) {
					log.error("Webhooks: could not {} the module's background work", what, e);
					if (!ran[0] && "stop".equals(what)) {
						// no OpenMRS session to be had: stopping threads needs none, and must happen regardless
						work.run();
					}
				}
			}
		}, what);
		last = t;
		t.start();
		return t;
	}

	private void startParts() {
		List<WebhooksLifecycle> parts = lookUp.get();
		if (!running.isEmpty() && sameInstances(running, parts)) {
			return;
		}
		stopParts();
		for (WebhooksLifecycle part : parts) {
			try {
				part.start();
				running.add(part);
			}
			catch (Throwable e) {
				log.error("Webhooks: could not start {}", part.getClass().getSimpleName(), e);
			}
		}
	}

	private void stopParts() {
		List<WebhooksLifecycle> toStop = new ArrayList<>(running);
		Collections.reverse(toStop);
		running.clear();
		for (WebhooksLifecycle part : toStop) {
			try {
				part.stop();
			}
			catch (Throwable e) {
				log.error("Webhooks: could not stop {}", part.getClass().getSimpleName(), e);
			}
		}
	}

	private static boolean sameInstances(List<WebhooksLifecycle> a, List<WebhooksLifecycle> b) {
		if (a.size() != b.size()) {
			return false;
		}
		Map<WebhooksLifecycle, Boolean> seen = new IdentityHashMap<>();
		for (WebhooksLifecycle part : a) {
			seen.put(part, Boolean.TRUE);
		}
		for (WebhooksLifecycle part : b) {
			if (seen.remove(part) == null) {
				return false;
			}
		}
		return seen.isEmpty();
	}

	/** The caller (a thread of core) waits; interrupted, it stops waiting and keeps its interrupt. */
	private static void await(Thread t, long waitMillis, String what) {
		try {
			t.join(waitMillis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			log.warn("Webhooks: interrupted while waiting for the background work to {}", what);
			return;
		}
		if (t.isAlive()) {
			if ("stop".equals(what)) {
				log.error("Webhooks: the background work has not stopped after {} ms; it goes on stopping by itself",
				    waitMillis);
			} else {
				log.warn("Webhooks: the background work has not started after {} ms; it goes on starting by itself",
				    waitMillis);
			}
		}
	}

	private static void joinUninterruptibly(Thread t) {
		if (t == null) {
			return;
		}
		boolean interrupted = false;
		while (t.isAlive()) {
			try {
				t.join();
			}
			catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
