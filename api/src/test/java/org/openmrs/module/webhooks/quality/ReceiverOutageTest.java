package org.openmrs.module.webhooks.quality;

import org.openmrs.module.webhooks.testsupport.SettableClock;
import org.openmrs.module.webhooks.testsupport.Eventually;
import org.openmrs.module.webhooks.testsupport.Receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.delivery.DeliveryEngine;
import org.openmrs.module.webhooks.delivery.EngineOptions;
import org.openmrs.module.webhooks.delivery.LatchWakeUp;
import org.openmrs.module.webhooks.delivery.http.HttpTransport;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetHealth;
import org.openmrs.module.webhooks.model.TargetState;
import org.openmrs.module.webhooks.testdb.TestDatabase;

/**
 * PRODUCT §7, outage: a receiver down for an hour gets every event once it is back, in per-patient order. The
 * engine (production defaults: Svix retry schedule, circuit breaker, maxAttempts 8) runs on MariaDB with a
 * settable clock; the real receiver answers 503 for half an hour, then refuses connections for half an hour,
 * while events for {@value #PATIENTS} patients keep arriving; then it answers 200 again. The clock moves in
 * 30 s steps through the hour and then from one due time to the next, each step waiting until the engine has
 * nothing left to claim.
 *
 * <p>How the retry schedule and the circuit breaker share the hour (the test prints the timeline):
 * <ul>
 * <li>While the target is ACTIVE each event is tried at once, and a failed delivery is retried on its own Svix
 * schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the previous attempt (±20 % jitter).</li>
 * <li>After 5 consecutive failures (here within the first minute) the breaker PAUSES the target, for 30 s
 * doubling with every further failure, at most 1 h. Nothing is claimed while a pause runs; when it ends one probe
 * goes out (the most overdue delivery), and its failure doubles the pause. Over the hour that is pauses of 1, 2,
 * 4, 8, 16 and 32 min and about a dozen failed attempts in all: the breaker, not the schedule, sets the pace.
 * Retries that come due during a pause wait, and events that arrive during one make no attempt.</li>
 * <li>So no delivery can be DEAD: an attempt is made only when the delivery's own next attempt is due, which
 * allows at most 4 in an hour (at 0, 5 s, 5 min 5 s, 35 min 5 s); the 8th and last of maxAttempts 8 cannot come
 * before 27 h 35 min (22 h with jitter). The breaker only takes attempts away, and disables a target only after
 * 5 days of failure.</li>
 * <li>When the receiver is back the target stays paused until its pause ends (here 1:04, the pause that began
 * at 0:32); that probe succeeds, the target is ACTIVE, and everything due goes at once. The longest wait after
 * recovery is the longer of the maximum pause (1 h) and a delivery's own next retry (up to 2 h +20 % after a
 * 4th failure late in the hour), hence the bound of 2.5 h asserted here.</li>
 * </ul>
 */
class ReceiverOutageTest {

	private static final long SEED = Long.getLong("webhooks.quality.seed", 20_261_127L);

	private static final long T0 = 1_800_000_000_000L;

	private static final long MINUTE = 60_000L;

	private static final long OUTAGE = 60 * MINUTE;

	private static final int PATIENTS = 12;

	/** Which deliveries can be claimed now: the engine's claim condition (ClaimSql.CLAIMABLE), counted. */
	private static final String CLAIMABLE = "SELECT COUNT(*) FROM webhooks_delivery d"
	        + " WHERE d.target_id = ? AND d.status = 'PENDING' AND d.next_attempt_at <= ? AND d.lease_until < ?"
	        + " AND (d.ordering_key IS NULL OR ("
	        + " NOT EXISTS (SELECT 1 FROM webhooks_delivery p WHERE p.target_id = d.target_id"
	        + " AND p.ordering_key = d.ordering_key AND p.status = 'PENDING' AND p.event_id < d.event_id)"
	        + " AND NOT EXISTS (SELECT 1 FROM webhooks_event u WHERE u.patient_uuid = d.ordering_key"
	        + " AND u.fanout_state = 0 AND u.event_id < d.event_id)))";

	private TestDatabase db;

	private OutboxRows outbox;

	private SettableClock clock;

	private LatchWakeUp wakeUp;

	private Target target;

	private String lastHealth = "";

	private long lastAttempts;

	@Test
	void oneHourOutage_shouldDeliverEveryEventOnceBackInPerPatientOrder_noneDead() throws Exception {
		System.out.println("ReceiverOutageTest seed " + SEED);
		long started = System.nanoTime();
		Random random = new Random(SEED);
		List<String> patients = new ArrayList<>();
		for (int i = 0; i < PATIENTS; i++) {
			patients.add("patient-" + i);
		}
		clock = new SettableClock(T0);
		wakeUp = new LatchWakeUp();
		try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.MARIADB, 12).migrate();
		        Receiver receiver = Receiver.start("127.0.0.1", 0, 8, true, "test-receiver");
		        HttpTransport transport = Wiring.transport()) {
			db = database;
			outbox = new OutboxRows(db);
			target = Wiring.addTarget(db, "outage", receiver.url("/hook"), Target.ORDERING_PER_PATIENT, 15);
			DeliveryEngine engine = Wiring.engine(db, transport, wakeUp, clock, new Random(random.nextLong()),
			    EngineOptions.defaults().withWorkers(4).withPollMillis(50));
			engine.start();
			try {
				// before: all well
				arrive(random, patients, 20);
				step(T0);
				assertThat(outbox.deliveries(target.getId(), "DELIVERED")).isEqualTo(20);

				// the hour: 503 for 30 minutes, then connections refused for 30 minutes; 2 events every 30 s
				receiver.respond(r -> Receiver.Response.status(503));
				for (long now = T0 + 30_000; now <= T0 + OUTAGE; now += 30_000) {
					if (now == T0 + 30 * MINUTE) {
						receiver.down();
					}
					clock.set(now);
					if (now < T0 + OUTAGE) {
						arrive(random, patients, 2);
					}
					step(now);
				}
				long failedAttempts = outbox.count("SELECT COUNT(*) FROM webhooks_attempt WHERE status_code IS NULL"
				        + " OR status_code <> 200");
				assertThat(outbox.deliveries(target.getId(), "DEAD")).as("dead after the hour").isZero();

				// back: events keep coming; the clock moves from one due time (retry or probe) to the next
				receiver.up();
				receiver.respond(r -> Receiver.Response.ok());
				long backAt = T0 + OUTAGE;
				System.out.printf("+%s receiver back; %d failed attempts during the outage, %d deliveries pending%n",
				    at(backAt), failedAttempts, outbox.deliveries(target.getId(), "PENDING"));
				arrive(random, patients, 10);
				long now = backAt;
				step(now);
				int steps = 0;
				while (outbox.deliveries(target.getId(), "PENDING") > 0) {
					assertThat(++steps).as("steps after the outage").isLessThan(2_000);
					long next = nextDueTime(now);
					assertThat(next).as("a pending delivery with nothing due: stuck at +" + at(now)).isPositive();
					now = Math.max(next, now + 15_000);
					clock.set(now);
					step(now);
				}
				System.out.printf("+%s all delivered, %s after the receiver came back%n", at(now), at(now - backAt + T0));
				assertThat(now - backAt).as("drained within the longest pause or retry delay").isLessThanOrEqualTo(
				    150 * MINUTE);
			}
			finally {
				engine.stop();
			}

			long created = outbox.count("SELECT COUNT(*) FROM webhooks_event");
			assertThat(outbox.deliveries(target.getId(), "DELIVERED")).as("delivered").isEqualTo(created);
			assertThat(outbox.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status <> 'DELIVERED'")).isZero();
			checkReceived(receiver.requests(), created);
			checkHealth();
			Map<Integer, Integer> attempts = new TreeMap<>();
			for (Object[] r : outbox.rows("SELECT attempts, COUNT(*) FROM webhooks_delivery GROUP BY attempts")) {
				attempts.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
			}
			System.out.println("deliveries by attempts needed: " + attempts);
			assertThat(attempts.keySet()).as("attempts per delivery (maxAttempts 8)").allMatch(n -> n <= 5);
			System.out.printf("ReceiverOutageTest: %d events, took %.1f s%n", created,
			    (System.nanoTime() - started) / 1e9);
		}
	}

	private void arrive(Random random, List<String> patients, int n) throws Exception {
		List<OutboxRows.NewEvent> events = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			events.add(OutboxRows.NewEvent.of("encounter.updated", patients.get(random.nextInt(patients.size()))));
		}
		outbox.insert(events, clock.millis(), n);
	}

	/** Wakes the engine at clock time {@code now} and waits until it has done everything it can. */
	private void step(long now) throws Exception {
		wakeUp.signal();
		int[] quietChecks = { 0 };
		Eventually.until("engine idle at +" + at(now), () -> {
			quietChecks[0] = quiet(now) ? quietChecks[0] + 1 : 0;
			if (quietChecks[0] == 0) {
				wakeUp.signal();
			}
			return quietChecks[0] >= 3;
		}, Duration.ofSeconds(60));
		Object[] h = outbox.rows("SELECT state, paused_until, consecutive_failures FROM webhooks_target"
		        + " WHERE target_id = ?", target.getId()).get(0);
		long pausedUntil = ((Number) h[1]).longValue();
		String health = h[0] + (pausedUntil > 0 ? " until +" + at(pausedUntil) : "");
		long attempts = outbox.count("SELECT COUNT(*) FROM webhooks_attempt");
		if (!health.equals(lastHealth)) {
			System.out.printf("+%s %-22s consecutive failures %3s, attempts %4d (+%d), pending %d%n", at(now), health,
			    h[2], attempts, attempts - lastAttempts, outbox.deliveries(target.getId(), "PENDING"));
			lastHealth = health;
			lastAttempts = attempts;
		}
	}

	/** Fanned out, nothing leased, and nothing the engine could claim at {@code now}. */
	private boolean quiet(long now) throws Exception {
		if (outbox.unfanned() > 0 || outbox.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = 'PENDING'"
		        + " AND lease_owner IS NOT NULL") > 0) {
			return false;
		}
		Object[] h = outbox.rows("SELECT state, paused_until FROM webhooks_target WHERE target_id = ?", target.getId())
		        .get(0);
		if (TargetState.PAUSED.name().equals(h[0]) && ((Number) h[1]).longValue() > now
		        || TargetState.DISABLED.name().equals(h[0])) {
			return true;
		}
		return outbox.count(CLAIMABLE, target.getId(), now, now) == 0;
	}

	/** The next clock time at which something becomes due: a retry, or the end of the breaker's pause. */
	private long nextDueTime(long now) throws Exception {
		long next = outbox.count("SELECT MIN(next_attempt_at) FROM webhooks_delivery WHERE status = 'PENDING'"
		        + " AND next_attempt_at > ?", now);
		long pausedUntil = outbox.count("SELECT paused_until FROM webhooks_target WHERE target_id = ? AND state ="
		        + " 'PAUSED' AND paused_until > ?", target.getId(), now);
		return pausedUntil > 0 && (next == 0 || pausedUntil < next) ? pausedUntil : next;
	}

	/** Exactly the events created, each answered 200 once, and per patient in event id order. */
	private void checkReceived(List<Receiver.Request> hits, long created) throws Exception {
		Map<String, Long> eventId = new HashMap<>();
		Map<String, String> patientOf = new HashMap<>();
		for (Object[] r : outbox.rows("SELECT uuid, event_id, patient_uuid FROM webhooks_event")) {
			eventId.put((String) r[0], ((Number) r[1]).longValue());
			patientOf.put((String) r[0], (String) r[2]);
		}
		List<Receiver.Request> ok = new ArrayList<>();
		for (Receiver.Request h : hits) {
			if (h.status() == 200) {
				ok.add(h);
			}
		}
		ok.sort((a, b) -> Long.compare(a.seq(), b.seq()));
		Set<String> ids = new HashSet<>();
		for (Receiver.Request h : ok) {
			ids.add(h.webhookId());
		}
		assertThat(ids).as("the events received are exactly the events created").isEqualTo(eventId.keySet());
		assertThat(ok).as("each received once").hasSize((int) created);
		Map<String, Long> lastOfPatient = new HashMap<>();
		List<String> outOfOrder = new ArrayList<>();
		for (Receiver.Request h : ok) {
			long id = eventId.get(h.webhookId());
			Long previous = lastOfPatient.put(patientOf.get(h.webhookId()), id);
			if (previous != null && previous > id) {
				outOfOrder.add(patientOf.get(h.webhookId()) + ": event " + id + " after " + previous);
			}
		}
		assertThat(outOfOrder).as("per-patient order").isEmpty();
		System.out.printf("received %d events (%d requests in all), each once, per patient in order%n", ok.size(),
		    hits.size());
	}

	/** ACTIVE, failures reset, the last success and the last error as they happened. */
	private void checkHealth() throws Exception {
		TargetHealth h = Wiring.targetStore(db).findById(target.getId()).getHealth();
		long lastSuccess = outbox.count("SELECT MAX(started_at + duration_ms) FROM webhooks_attempt WHERE status_code"
		        + " = 200");
		long lastFailure = outbox.count("SELECT MAX(started_at + duration_ms) FROM webhooks_attempt WHERE status_code"
		        + " IS NULL OR status_code <> 200");
		System.out.printf("health: %s, consecutive failures %d, last success +%s, last failure +%s, last error \"%s\"%n",
		    h.getState(), h.getConsecutiveFailures(), at(h.getLastSuccessAt()), at(h.getLastFailureAt()),
		    h.getLastError());
		assertThat(h.getState()).isEqualTo(TargetState.ACTIVE);
		assertThat(h.getConsecutiveFailures()).isZero();
		assertThat(h.getFailingSince()).isZero();
		assertThat(h.getPausedUntil()).isZero();
		// the end of the last attempt recorded in the last flush (durations differ by a few real milliseconds)
		assertThat(h.getLastSuccessAt()).isBetween(T0 + OUTAGE, lastSuccess);
		assertThat(h.getLastFailureAt()).isBetween(T0 + 30 * MINUTE, lastFailure);
		assertThat(lastFailure).isLessThanOrEqualTo(T0 + OUTAGE);
		// the last failures were at the connection level: refused, or a pooled connection the stopped receiver
		// had closed (which the client sees as no response)
		assertThat(h.getLastError()).matches("(CONNECT|IO): .*");
	}

	private static String at(long millis) {
		long s = (millis - T0) / 1000;
		return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
	}
}
