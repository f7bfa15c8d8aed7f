package org.openmrs.module.webhooks.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

import org.openmrs.module.webhooks.WebhooksLifecycle;
import org.openmrs.module.webhooks.delivery.store.DatabaseCapabilities;
import org.openmrs.module.webhooks.delivery.store.DeliveryClaimer;
import org.openmrs.module.webhooks.delivery.store.FanOutStore;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine of one node: fans committed events out into deliveries, claims due deliveries with
 * leases, sends them on a bounded pool of sender threads (never inside a database transaction), records
 * outcomes, retries on the {@link RetryPolicy}, keeps targets' health with the {@link CircuitBreaker}, and
 * purges old rows. Woken by {@link WakeUp}, polling as a fallback.
 *
 * <p>Started and stopped by the module activator; {@link #stop()} returns once every thread is gone, after
 * requests in flight finished and their outcomes were written (unsent claims are released). Restartable.
 */
public final class DeliveryEngine implements WebhooksLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

	private final EngineParts parts;

	private final String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);

	private int generation;

	private EngineRun run;

	public DeliveryEngine(ConnectionSource source, TargetRegistry registry, Transport transport, RequestFactory requests,
	    WebhooksSettings settings, WakeUp wakeUp, Clock clock, Random random, EngineOptions options) {
		this.parts = new EngineParts(source, registry, transport, requests, settings, wakeUp, clock, random, options);
	}

	@Override
	public synchronized void start() {
		if (run != null) {
			return;
		}
		DatabaseCapabilities caps;
		try (Connection c = parts.source.getConnection()) {
			caps = DatabaseCapabilities.of(c);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Webhooks: cannot reach the database to start delivery", e);
		}
		DeliveryClaimer claimer = DeliveryClaimer.forDatabase(
		    parts.options.forceOptimisticClaim ? new DatabaseCapabilities(caps.dialect(), false) : caps);
		FanOut fanOut = new FanOut(parts.source, new FanOutStore(caps), parts.registry, parts.clock,
		        parts.options.fanOutBatch);
		int workers = parts.options.workers > 0 ? parts.options.workers
		        : Math.max(1, Math.min(64, parts.settings.workers()));
		generation++;
		run = new EngineRun(parts, nodeId + "-" + generation, fanOut, claimer, workers);
		run.start();
		log.info("Webhooks: delivery engine {} started with {} senders on {}", nodeId, workers, caps);
	}

	@Override
	public synchronized void stop() {
		if (run == null) {
			return;
		}
		try {
			run.stop(maxRequestMillis() + 10_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		run = null;
		log.info("Webhooks: delivery engine {} stopped", nodeId);
	}

	/** Test hook: dies like a killed JVM, leaving its leases to expire and its outcomes unwritten. */
	synchronized void crash() throws InterruptedException {
		if (run != null) {
			run.crash();
			run = null;
		}
	}

	public synchronized boolean isRunning() {
		return run != null;
	}

	/** Wakes the engine now (e.g. after a manual retry). */
	public void wake() {
		parts.wakeUp.signal();
	}

	/** The node id this engine's leases carry (prefix of every lease owner). */
	public String nodeId() {
		return nodeId;
	}

	private long maxRequestMillis() {
		long max = 30_000;
		for (Target t : parts.registry.deliverableTargets()) {
			max = Math.max(max, t.getTimeoutSeconds() * 1000L);
		}
		return max;
	}
}
