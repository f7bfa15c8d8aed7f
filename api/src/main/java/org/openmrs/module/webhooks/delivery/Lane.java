package org.openmrs.module.webhooks.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.delivery.store.ClaimedDelivery;
import org.openmrs.module.webhooks.model.Target;

/**
 * One target's deliveries on this node: claimed ones waiting for a sender, and how many requests are in flight.
 * Keeps a target at most {@code maxConcurrency} requests at once, and lets the dispatcher claim a little ahead
 * ({@code prefetch} rounds) so that senders never wait for a claim. Thread-safe.
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

	private final ArrayDeque<ClaimedDelivery> waiting = new ArrayDeque<>();

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
		Target t = target;
		int cap = Math.max(1, t.getMaxConcurrency()) * perRequest(t) * prefetch;
		return cap - waiting.size() - inFlightDeliveries;
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

	synchronized void done(Job job) {
		inFlight--;
		inFlightDeliveries -= job.deliveries.size();
	}

	/** Empties the waiting queue (on stop), returning what was there. */
	synchronized List<ClaimedDelivery> drain() {
		List<ClaimedDelivery> all = new ArrayList<>(waiting);
		waiting.clear();
		return all;
	}
}
