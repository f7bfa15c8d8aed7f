package org.openmrs.module.webhooks.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.testdb.TestDatabase;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * Commit-to-first-attempt latency at a steady event rate: one event row committed to a MariaDB outbox every
 * 1/rate s (each followed by capture's wake-up signal, as the capture side does after its commit), the time from
 * that commit's return to the receiver seeing the request's first byte. Last line:
 * {@code latency: p50 <x> ms, p99 <y> ms at <rate> events/s}.
 *
 * <p>Arguments (optional): events (3000), rate per second (100), database (MARIADB).
 */
public final class LatencyBenchmark {

	public static void main(String[] args) throws Exception {
		int events = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
		int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		TestDatabase.Kind kind = args.length > 2 ? TestDatabase.Kind.valueOf(args[2]) : TestDatabase.Kind.MARIADB;
		try (TestDatabase db = TestDatabase.create(kind, 16).migrate();
		        Receiver receiver = Receiver.start("127.0.0.1", 0, 8, false, "bench-receiver")) {
			Map<String, Long> arrived = new ConcurrentHashMap<>();
			receiver.respond(r -> {
				// the responder runs as soon as the request is read
				arrived.putIfAbsent(r.webhookId(), System.nanoTime());
				return Receiver.Response.ok();
			});
			TestTargets targets = new TestTargets(db);
			Target target = TestTargets.target("latency", receiver.url("/hook"));
			target.setSigningEnabled(true);
			target.getSigningSecrets().add(new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 0, 0));
			targets.add(target);
			LatchWakeUp wakeUp = new LatchWakeUp();
			DeliveryEngine engine = new DeliveryEngine(db, targets, TestTransports.loopback(),
			        new RequestFactory(new JsonPayloads(), new HmacSigner()), new TestSettings(), wakeUp, Clock.systemUTC(),
			        new Random(), EngineOptions.defaults().withWorkers(8));
			engine.start();
			String[] ids = new String[events];
			long[] committed = new long[events];
			long interval = 1_000_000_000L / rate;
			long next = System.nanoTime();
			try (Connection c = db.getConnection()) {
				c.setAutoCommit(false);
				try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks_event (uuid, event_type, resource,"
				        + " resource_uuid, patient_uuid, occurred_at, fanout_state) VALUES (?, 'obs.created', 'obs', ?, ?, ?, 0)")) {
					for (int i = 0; i < events; i++) {
						while (System.nanoTime() < next) {
							Thread.onSpinWait();
						}
						next += interval;
						ids[i] = UUID.randomUUID().toString();
						ps.setString(1, ids[i]);
						ps.setString(2, UUID.randomUUID().toString());
						ps.setString(3, "P" + (i % 500));
						ps.setLong(4, System.currentTimeMillis());
						ps.executeUpdate();
						c.commit();
						committed[i] = System.nanoTime();
						wakeUp.signal();
					}
				}
			}
			long deadline = System.nanoTime() + 60_000_000_000L;
			while (arrived.size() < events && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			engine.stop();
			// the first tenth warms the JIT and the pools
			int warm = events / 10;
			double[] ms = new double[events - warm];
			for (int i = warm; i < events; i++) {
				Long at = arrived.get(ids[i]);
				if (at == null) {
					throw new IllegalStateException("event " + i + " never arrived");
				}
				ms[i - warm] = (at - committed[i]) / 1e6;
			}
			Arrays.sort(ms);
			System.out.printf("measured %d events after %d warm-up ones%n", ms.length, warm);
			System.out.printf("latency: p50 %.1f ms, p99 %.1f ms at %d events/s%n", ms[(int) (ms.length * 0.50)],
			    ms[(int) Math.min(ms.length - 1, ms.length * 0.99)], rate);
		}
	}
}
