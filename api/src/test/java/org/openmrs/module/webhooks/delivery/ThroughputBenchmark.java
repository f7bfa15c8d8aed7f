package org.openmrs.module.webhooks.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.testdb.TestDatabase;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * Delivery throughput: N events pre-inserted in a MariaDB outbox, drained by the engine (fan-out, claims,
 * signing, HTTP, outcomes) to a loopback receiver answering 200; compared, in the same run, with the same HTTP
 * client (the same {@link Transport} instance and pool) posting the same payloads (built by the same request
 * factory, signed) with as many threads as the engine has senders, in a bare loop. Both sides are warmed first
 * (a bare loop and an engine pass of up to 10,000 events); then the bare loop runs before and after the measured
 * engine pass, and the ceiling is the mean of the two, so that other work on the machine weighs on both sides
 * alike. Last line: {@code throughput: <n> deliveries/s (<ratio> of the bare-client ceiling <m> req/s)}.
 *
 * <p>Arguments (all optional): events (20000), sender threads (16), patients (2000; 0 = unordered target),
 * database (MARIADB).
 */
public final class ThroughputBenchmark {

	public static void main(String[] args) throws Exception {
		int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		int workers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
		int patients = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
		TestDatabase.Kind kind = args.length > 3 ? TestDatabase.Kind.valueOf(args[3]) : TestDatabase.Kind.MARIADB;
		try (TestDatabase db = TestDatabase.create(kind, workers + 8).migrate();
		        Receiver receiver = Receiver.start("127.0.0.1", 0, 8, false, "bench-receiver")) {
			TestTargets targets = new TestTargets(db);
			Target target = TestTargets.target("bench", receiver.url("/hook"));
			target.setMaxConcurrency(workers);
			target.setTimeoutSeconds(15);
			target.setSigningEnabled(true);
			target.getSigningSecrets().add(new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 0, 0));
			if (patients == 0) {
				target.setOrdering(Target.ORDERING_NONE);
			}
			targets.add(target);
			RequestFactory requests = new RequestFactory(new JsonPayloads(), new HmacSigner());
			Transport transport = TestTransports.loopback();

			// warm the JIT, the pools and the tables on both sides first: a cold JVM understated the ceiling by 40 %
			Outbox outbox = new Outbox(db);
			bareLoop(requests, transport, target, Math.min(events, 20_000), workers);
			engineRun(db, targets, transport, requests, outbox, receiver, Math.min(events, 10_000), patients, workers);

			double ceilingBefore = bareLoop(requests, transport, target, Math.min(events, 20_000), workers);
			System.out.printf("bare client before: %.0f req/s%n", ceilingBefore);
			double seconds = engineRun(db, targets, transport, requests, outbox, receiver, events, patients, workers);
			double ceilingAfter = bareLoop(requests, transport, target, Math.min(events, 20_000), workers);
			System.out.printf("bare client after: %.0f req/s%n", ceilingAfter);
			double ceiling = (ceilingBefore + ceilingAfter) / 2;
			double rate = events / seconds;
			System.out.printf("engine: %d events in %.2f s%n", events, seconds);
			System.out.printf("throughput: %.0f deliveries/s (%.2f of the bare-client ceiling %.0f req/s)%n", rate,
			    rate / ceiling, ceiling);
		}
	}

	/** Inserts {@code events} events, then times a fresh engine from its start until all are DELIVERED. */
	private static double engineRun(TestDatabase db, TestTargets targets, Transport transport, RequestFactory requests,
	        Outbox outbox, Receiver receiver, int events, int patients, int workers) throws Exception {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < events; i++) {
			String patient = patients == 0 ? "P" + i : "P" + (i % patients);
			rows.add(new Object[] { UUID.randomUUID().toString(), "obs.created", patient, System.currentTimeMillis(),
			        null });
			if (rows.size() == 2_000) {
				outbox.insert(rows);
				rows.clear();
			}
		}
		outbox.insert(rows);

		long delivered = outbox.deliveries("DELIVERED");
		long before = receiver.count();
		DeliveryEngine engine = new DeliveryEngine(db, targets, transport, requests, new TestSettings(),
		        new LatchWakeUp(), Clock.systemUTC(), new Random(), EngineOptions.defaults().withWorkers(workers));
		long start = System.nanoTime();
		engine.start();
		while (outbox.deliveries("DELIVERED") < delivered + events) {
			Thread.sleep(50);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		engine.stop();
		if (receiver.count() - before != events) {
			throw new IllegalStateException("receiver got " + (receiver.count() - before) + " requests for " + events
			        + " events");
		}
		return seconds;
	}

	/** The same client, payloads and concurrency, no database and no engine. */
	static double bareLoop(RequestFactory requests, Transport transport, Target target, int n, int threads)
	        throws Exception {
		List<OutboundRequest> prepared = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Event e = new Event(i + 1, UUID.randomUUID().toString(), "obs.created", "obs", UUID.randomUUID().toString(),
			        "P" + i, System.currentTimeMillis(), null);
			prepared.add(requests.build(target, List.of(e), System.currentTimeMillis()));
		}
		// warm the connections and the JIT, as the engine run benefits from the warm JVM after this loop
		run(transport, prepared.subList(0, Math.min(2_000, n)), threads);
		long start = System.nanoTime();
		run(transport, prepared, threads);
		return n / ((System.nanoTime() - start) / 1e9);
	}

	private static void run(Transport transport, List<OutboundRequest> requests, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		for (int t = 0; t < threads; t++) {
			pool.execute(() -> {
				int i;
				while ((i = next.getAndIncrement()) < requests.size()) {
					if (!transport.send(requests.get(i)).isSuccess()) {
						throw new IllegalStateException("bare request failed");
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
	}
}
