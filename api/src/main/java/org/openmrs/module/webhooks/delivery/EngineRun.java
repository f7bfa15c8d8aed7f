package org.openmrs.module.webhooks.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openmrs.module.webhooks.ModuleThreads;
import org.openmrs.module.webhooks.delivery.store.ClaimedDelivery;
import org.openmrs.module.webhooks.delivery.store.DeliveryClaimer;
import org.openmrs.module.webhooks.delivery.store.KeptConnection;
import org.openmrs.module.webhooks.delivery.store.RetentionStore;
import org.openmrs.module.webhooks.delivery.store.TargetHealthStore;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetState;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation of the engine's threads, from start to stop: the dispatcher (fan-out, claims, retention), the
 * sender pool and the outcome writer. A restart builds a new one, so nothing of a stopped generation leaks into
 * the next.
 */
final class EngineRun {

	private static final Logger log = LoggerFactory.getLogger(EngineRun.class);

	/** A claimed delivery is sent only with at least this much lease left beyond its timeout. */
	private static final long LEASE_MARGIN_MILLIS = 5_000;

	private static final int RETENTION_CHUNK = 500;

	private final EngineParts parts;

	private final String nodeId;

	private final FanOut fanOut;

	private final DeliveryClaimer claimer;

	private final Sender sender;

	private final OutcomeWriter writer;

	private final ExecutorService senders;

	private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

	private final AtomicLong claims = new AtomicLong();

	private final TargetHealthStore health = new TargetHealthStore();

	/** The dispatcher's connection (health reads, probes, claims); used by the dispatcher thread only. */
	private final KeptConnection claimDb;

	private final Thread dispatcherThread;

	private final Thread fanOutThread;

	/** Wakes the dispatcher: after a fan-out batch, and after outcomes were written. */
	private final WakeUp dispatchWakeUp = new LatchWakeUp();

	private final Thread writerThread;

	private volatile boolean running = true;

	private volatile long nextRetentionAt;

	EngineRun(EngineParts parts, String nodeId, FanOut fanOut, DeliveryClaimer claimer, int workers) {
		this.parts = parts;
		this.nodeId = nodeId;
		this.fanOut = fanOut;
		this.claimer = claimer;
		this.claimDb = new KeptConnection(parts.source);
		this.writer = new OutcomeWriter(parts.source, parts.options.breaker, dispatchWakeUp, parts.clock);
		this.sender = new Sender(parts, writer);
		this.senders = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
		        ModuleThreads.numbered("webhooks-sender"));
		this.dispatcherThread = ModuleThreads.newThread(this::dispatch, "webhooks-dispatcher");
		this.fanOutThread = ModuleThreads.newThread(this::fanOutLoop, "webhooks-fanout");
		this.writerThread = ModuleThreads.newThread(writer, "webhooks-outcomes");
		// first purge a minute after start, not during start-up
		this.nextRetentionAt = parts.clock.millis() + 60_000;
	}

	void start() {
		writerThread.start();
		dispatcherThread.start();
		fanOutThread.start();
	}

	/** Stops claiming, lets requests in flight finish and their outcomes be written, releases unsent leases. */
	void stop(long maxWaitMillis) throws InterruptedException {
		running = false;
		parts.wakeUp.signal();
		dispatchWakeUp.signal();
		fanOutThread.join(maxWaitMillis);
		dispatcherThread.join(maxWaitMillis);
		senders.shutdown();
		senders.awaitTermination(maxWaitMillis, TimeUnit.MILLISECONDS);
		List<ClaimedDelivery> unsent = new ArrayList<>();
		for (Lane lane : lanes.values()) {
			unsent.addAll(lane.drain());
		}
		writer.release(unsent);
		writer.finish();
		writerThread.join(maxWaitMillis);
	}

	/** Stops without writing anything more, leases left to expire: a killed JVM, for tests. */
	void crash() throws InterruptedException {
		running = false;
		writer.abandon();
		parts.wakeUp.signal();
		dispatchWakeUp.signal();
		senders.shutdownNow();
		fanOutThread.join(5_000);
		dispatcherThread.join(5_000);
		writerThread.join(5_000);
		senders.awaitTermination(5_000, TimeUnit.MILLISECONDS);
	}

	boolean isRunning() {
		return running;
	}

	/**
	 * Fan-out has its own thread, woken by capture's signal: a backlog of events then never slows the claims, and
	 * a fresh event reaches the dispatcher one transaction after its commit.
	 */
	private void fanOutLoop() {
		loop(parts.wakeUp, fanOut::release, () -> {
			int n = fanOut.runOnce();
			// also when nothing was fanned out: a manual retry or a replay wakes this thread with deliveries
			// already queued, and they must not wait for the dispatcher's next poll
			dispatchWakeUp.signal();
			long now = parts.clock.millis();
			if (now >= nextRetentionAt) {
				nextRetentionAt = now + parts.options.retentionEveryMillis;
				purge(now);
			}
			return n >= parts.options.fanOutBatch;
		});
	}

	private void dispatch() {
		loop(dispatchWakeUp, claimDb::close, this::cycle);
	}

	private interface Step {

		/** @return whether more work is waiting (run again at once) */
		boolean run() throws SQLException;
	}

	/** Runs {@code step} until stopped; {@code idle} gives the thread's connection back after a quiet poll period. */
	private void loop(WakeUp wake, Runnable idle, Step step) {
		try {
			steps(wake, idle, step);
		}
		finally {
			idle.run();
		}
	}

	private void steps(WakeUp wake, Runnable idle, Step step) {
		while (running) {
			boolean more = false;
			try {
				more = step.run();
			}
			catch (SQLException | RuntimeException e) {
				log.warn("Webhooks: {} failed; retrying after {} ms", Thread.currentThread().getName(),
				    parts.options.pollMillis, e);
			}
			try {
				if (!more && running && !wake.await(parts.options.pollMillis)) {
					idle.run();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * One round of claims, for every target with room, in one transaction on the dispatcher's connection; the
	 * claimed deliveries go to their lanes only once it committed. Returns whether more is claimable at once.
	 */
	boolean cycle() throws SQLException {
		long now = parts.clock.millis();
		if (!running || !parts.settings.deliveryEnabled()) {
			return false;
		}
		List<Target> targets = parts.registry.deliverableTargets();
		List<Claim> claims = claimDb.inTransaction(c -> {
			Map<Long, TargetHealthStore.Health> healthById = health.readAll(c);
			List<Claim> all = new ArrayList<>(targets.size());
			for (Target t : targets) {
				if (t.getId() != null && running) {
					Claim claim = claimFor(c, t, healthById.get(t.getId()), now);
					if (claim != null) {
						all.add(claim);
					}
				}
			}
			return all;
		});
		boolean more = false;
		for (Claim claim : claims) {
			claim.lane.enqueue(claim.deliveries);
			pump(claim.lane);
			more |= claim.full;
		}
		return more;
	}

	/** What one target's claim took, to hand to its lane after the commit. */
	private static final class Claim {

		final Lane lane;

		final List<ClaimedDelivery> deliveries;

		final boolean full;

		Claim(Lane lane, List<ClaimedDelivery> deliveries, boolean full) {
			this.lane = lane;
			this.deliveries = deliveries;
			this.full = full;
		}
	}

	private Claim claimFor(Connection c, Target target, TargetHealthStore.Health h, long now) throws SQLException {
		if (h == null || h.state == TargetState.DISABLED) {
			return null;
		}
		Lane lane = lanes.computeIfAbsent(target.getId(), id -> new Lane(target));
		lane.update(target);
		int limit = Math.min(lane.room(parts.options.prefetch), parts.options.claimBatch);
		if (limit <= 0) {
			return null;
		}
		long timeoutMillis = target.getTimeoutSeconds() * 1000L;
		if (h.state == TargetState.PAUSED) {
			// one probe at a time, and only once the pause is over; the winner holds the pause for the probe
			if (h.pausedUntil > now || lane.outstanding() > 0
			        || !health.acquireProbe(c, target.getId(), now, now + timeoutMillis + LEASE_MARGIN_MILLIS)) {
				return null;
			}
			limit = 1;
		}
		String owner = nodeId + "-" + claims.incrementAndGet();
		List<ClaimedDelivery> claimed = claimer.claim(c, target.getId(), owner, now,
		    now + parts.options.leaseMillis + timeoutMillis, limit);
		return new Claim(lane, claimed, claimed.size() == limit && h.state == TargetState.ACTIVE);
	}

	private void pump(Lane lane) {
		Lane.Job job;
		while ((job = lane.next()) != null) {
			Lane.Job j = job;
			try {
				senders.execute(() -> send(lane, j));
			}
			catch (java.util.concurrent.RejectedExecutionException e) {
				// stopping: the leases are released below
				lane.done(j, parts.options.prefetch, parts.clock.millis());
				writer.release(j.deliveries);
				return;
			}
		}
	}

	private void send(Lane lane, Lane.Job job) {
		try {
			if (!running) {
				writer.release(job.deliveries);
				return;
			}
			long now = parts.clock.millis();
			long needed = job.target.getTimeoutSeconds() * 1000L
			        + Math.min(LEASE_MARGIN_MILLIS, parts.options.leaseMillis / 2);
			List<ClaimedDelivery> safe = new ArrayList<>(job.deliveries.size());
			List<ClaimedDelivery> stale = new ArrayList<>();
			for (ClaimedDelivery d : job.deliveries) {
				(d.getLeaseUntil() - now >= needed ? safe : stale).add(d);
			}
			// a lease that could run out mid-request would let another node send the same attempt
			writer.release(stale);
			if (!safe.isEmpty()) {
				sender.send(job.target, safe);
			}
		}
		catch (RuntimeException e) {
			log.error("Webhooks: sending to target {} failed unexpectedly", job.target.getId(), e);
		}
		finally {
			boolean low = lane.done(job, parts.options.prefetch, parts.clock.millis());
			if (running) {
				pump(lane);
				if (low) {
					// claim the next round while the senders still have this one: they never wait for a claim
					dispatchWakeUp.signal();
				}
			}
		}
	}

	private void purge(long now) {
		int days = parts.settings.retentionDays();
		if (days <= 0) {
			return;
		}
		try {
			int n = new RetentionStore(parts.source).purge(now - days * 86_400_000L, RETENTION_CHUNK);
			if (n > 0) {
				log.info("Webhooks: retention purged {} rows older than {} days", n, days);
			}
		}
		catch (SQLException e) {
			log.warn("Webhooks: retention purge failed", e);
		}
	}

	List<Lane> lanes() {
		return Collections.unmodifiableList(new ArrayList<>(lanes.values()));
	}
}
