package org.openmrs.module.webhooks.delivery;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.openmrs.module.webhooks.delivery.store.ClaimedDelivery;
import org.openmrs.module.webhooks.delivery.store.DeliveryOutcome;
import org.openmrs.module.webhooks.delivery.store.KeptConnection;
import org.openmrs.module.webhooks.delivery.store.OutcomeStore;
import org.openmrs.module.webhooks.delivery.store.TargetHealthStore;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes outcomes, attempt rows, released leases and target health in batches, in one transaction per batch
 * and one for the batch's effect on target health, on its own thread: senders never wait for the database.
 * Batches form by themselves: whatever queued while the previous write ran goes into the next one. After each write the dispatcher is woken, because a written
 * outcome may make a patient's next event claimable.
 */
final class OutcomeWriter implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);

	private static final int MAX_BATCH = 1000;

	/** Polls of 100 ms without anything to write before the connection goes back to the pool. */
	private static final int IDLE_POLLS = 10;

	/** Deadlocks and lost connections are retried; giving up means duplicates (the leases expire), never loss. */
	private static final int WRITE_TRIES = 10;

	private static final int HEALTH_TRIES = 3;

	private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

	/** Kept while outcomes keep coming, given back after a second without any. */
	private final KeptConnection db;

	private final OutcomeStore outcomes = new OutcomeStore();

	private final TargetHealthStore health = new TargetHealthStore();

	private final CircuitBreaker breaker;

	private final WakeUp wakeUp;

	private final Clock clock;

	private volatile boolean accepting = true;

	private volatile boolean running = true;

	OutcomeWriter(ConnectionSource source, CircuitBreaker breaker, WakeUp wakeUp, Clock clock) {
		this.db = new KeptConnection(source);
		this.breaker = breaker;
		this.wakeUp = wakeUp;
		this.clock = clock;
	}

	void add(DeliveryOutcome outcome) {
		if (accepting) {
			queue.add(outcome);
		}
	}

	void release(List<ClaimedDelivery> unsent) {
		if (accepting && !unsent.isEmpty()) {
			queue.add(new ArrayList<>(unsent));
		}
	}

	/** Finishes what is queued, then ends {@link #run()}. */
	void finish() {
		running = false;
	}

	/** Drops everything queued and refuses more: what a killed JVM would do (tests of lease takeover). */
	void abandon() {
		accepting = false;
		queue.clear();
		running = false;
	}

	@Override
	public void run() {
		try {
			writeUntilFinished();
		}
		finally {
			db.close();
		}
	}

	private void writeUntilFinished() {
		List<Object> batch = new ArrayList<>();
		int idlePolls = 0;
		while (running || !queue.isEmpty()) {
			try {
				Object first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					if (++idlePolls == IDLE_POLLS) {
						db.close();
					}
					continue;
				}
				idlePolls = 0;
				batch.add(first);
				queue.drainTo(batch, MAX_BATCH - 1);
				write(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void write(List<Object> batch) throws InterruptedException {
		List<DeliveryOutcome> done = new ArrayList<>(batch.size());
		List<ClaimedDelivery> released = new ArrayList<>();
		for (Object o : batch) {
			if (o instanceof DeliveryOutcome) {
				done.add((DeliveryOutcome) o);
			}
			else {
				released.addAll((List<ClaimedDelivery>) o);
			}
		}
		long now = clock.millis();
		if (writeOutcomes(done, released, now)) {
			recordHealth(done, now);
		}
	}

	private boolean writeOutcomes(List<DeliveryOutcome> done, List<ClaimedDelivery> released, long now)
	        throws InterruptedException {
		for (int attempt = 1; attempt <= WRITE_TRIES && accepting; attempt++) {
			try {
				int written = db.inTransaction(c -> {
					int n = outcomes.write(c, done, now);
					outcomes.release(c, released, now);
					return n;
				});
				if (written < done.size()) {
					log.info("Webhooks: {} of {} outcomes arrived after their lease was taken over", done.size() - written,
					    done.size());
				}
				wakeUp.signal();
				return true;
			}
			catch (SQLException | RuntimeException e) {
				log.warn("Webhooks: writing {} delivery outcomes failed (try {} of {})", done.size(), attempt,
				    WRITE_TRIES, e);
				Thread.sleep(Math.min(2_000L, 20L * attempt * attempt));
			}
		}
		// the leases run out and the deliveries are tried again: a duplicate, never a loss
		log.error("Webhooks: dropped {} delivery outcomes after {} failed writes; they will be retried", done.size(),
		    WRITE_TRIES);
		return false;
	}

	/**
	 * The targets' health, in a transaction of its own that locks nothing but target rows. In the outcomes'
	 * transaction the exclusive lock on a target row would be held together with delivery rows, while a claim
	 * holds delivery rows and waits for a shared lock on the same target row (InnoDB re-checks the delivery's
	 * foreign key when a lease moves its claim index entry): a deadlock. Health is advice for the dispatcher: if
	 * it cannot be written, the next batch's outcomes are.
	 */
	private void recordHealth(List<DeliveryOutcome> done, long now) throws InterruptedException {
		for (int attempt = 1; attempt <= HEALTH_TRIES && accepting && !done.isEmpty(); attempt++) {
			try {
				db.inTransaction(c -> {
					breaker.record(c, health, done, now);
					return null;
				});
				return;
			}
			catch (SQLException | RuntimeException e) {
				log.warn("Webhooks: recording target health failed (try {} of {})", attempt, HEALTH_TRIES, e);
				Thread.sleep(20L * attempt);
			}
		}
	}
}
