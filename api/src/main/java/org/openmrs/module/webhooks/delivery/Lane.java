package org.openmrs.module.webhooks.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.delivery.store.ClaimedDelivery;
import org.openmrs.module.webhooks.model.Target;

/**
 * One target's deliveries on this node: claimed ones waiting for a sender, and how many requests are in flight.
 * Keeps a target at most {@code maxConcurrency} requests at once, and lets the dispatcher claim a little ahead
 * ({@code prefetch} rounds, or a quarter of a second of a busy target's throughput) so that senders never wait
 * for a claim. Thread-safe.
 */
final class Lane {

	/** One request: one delivery, or several for a batching target. */
	static final class Job {

		final Target target;

		final List<ClaimedDelivery> deliveries;

		Job(Target target, List<ClaimedDelivery> deliveries) {
			this.target = target;
			this.deliveries = deliveries;
		}
	}

	/** A busy lane holds this much of its recent throughput, so that a claim arrives before its senders run out. */
	static final long AHEAD_MILLIS = 250;

	/** Whatever the rate, a lane never holds more than this (leases run out while deliveries wait). */
	static final int MAX_AHEAD = 1000;

	private static final long RATE_WINDOW_MILLIS = 200;

	private final ArrayDeque<ClaimedDelivery> waiting = new ArrayDeque<>();

	/** Deliveries finished per millisecond, over the last complete window. */
	private double rate;

	private long windowStart;

	private int windowDeliveries;

	private volatile Target target;

	private int inFlight;

	private int inFlightDeliveries;

	Lane(Target target) {
		this.target = target;
	}

	/** Takes the latest configuration of the target (read from the registry every cycle). */
	void update(Target latest) {
		this.target = latest;
	}

	Target target() {
		return target;
	}

	private static int perRequest(Target t) {
		return Math.max(1, t.getBatchSize());
	}

	/** How many more deliveries the dispatcher may claim for this lane now. */
	synchronized int room(int prefetch) {
		return cap(prefetch) - waiting.size() - inFlightDeliveries;
	}

	/**
	 * What the lane may hold, waiting and in flight: {@code prefetch} rounds of its concurrency, or more for a busy
	 * target, {@link #AHEAD_MILLIS} of its recent rate (a fast receiver drains a few rounds quicker than a claim
	 * comes back).
	 */
	private int cap(int prefetch) {
		Target t = target;
		int rounds = Math.max(1, t.getMaxConcurrency()) * perRequest(t) * prefetch;
		return Math.max(rounds, Math.min(MAX_AHEAD, (int) (rate * AHEAD_MILLIS)));
	}

	synchronized int outstanding() {
		return waiting.size() + inFlightDeliveries;
	}

	synchronized void enqueue(List<ClaimedDelivery> claimed) {
		waiting.addAll(claimed);
	}

	/** The next request to send if the target has a free slot, or {@code null}. */
	synchronized Job next() {
		Target t = target;
		if (waiting.isEmpty() || inFlight >= Math.max(1, t.getMaxConcurrency())) {
			return null;
		}
		int n = Math.min(perRequest(t), waiting.size());
		List<ClaimedDelivery> batch = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			batch.add(waiting.poll());
		}
		inFlight++;
		inFlightDeliveries += n;
		return new Job(t, batch);
	}

	/**
	 * A request finished. Returns whether this made the lane drain to half of what it may hold: time to claim the
	 * next round, so that it arrives before the senders run out. (Only when crossing: a lane that a short claim left
	 * below half waits for new rows to be signalled instead of asking for a claim after every request.)
	 */
	synchronized boolean done(Job job, int prefetch, long now) {
		int half = cap(prefetch) / 2;
		boolean above = waiting.size() + inFlightDeliveries > half;
		inFlight--;
		inFlightDeliveries -= job.deliveries.size();
		windowDeliveries += job.deliveries.size();
		if (now - windowStart >= RATE_WINDOW_MILLIS) {
			rate = windowDeliveries / (double) (now - windowStart);
			windowStart = now;
			windowDeliveries = 0;
		}
		return above && waiting.size() + inFlightDeliveries <= half;
	}

	/** Empties the waiting queue (on stop), returning what was there. */
	synchronized List<ClaimedDelivery> drain() {
		List<ClaimedDelivery> all = new ArrayList<>(waiting);
		waiting.clear();
		return all;
	}
}
