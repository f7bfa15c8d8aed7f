package org.openmrs.module.webhooks.quality;

import org.openmrs.module.webhooks.testsupport.Eventually;
import org.openmrs.module.webhooks.testsupport.Receiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.testdb.TestDatabase;

/**
 * A backlog drained with a bounded heap (PRODUCT §7): {@code events} committed outbox rows (fanout_state 0,
 * ten per patient), inserted with multi-row INSERTs before the engine starts, then drained by the engine in a
 * JVM of its own limited to {@code -Xmx<heapMb>m}, to a local receiver. The child takes a full GC every few
 * seconds and reports the heap in use after it (the live set), and exits with an error if it ever runs out of
 * memory ({@code -XX:+ExitOnOutOfMemoryError}).
 */
final class Backlog {

	/** What a drain measured. */
	record Result(int events, double seconds, long maxHeapAfterGcBytes, long peakHeapBytes, int heapSamples,
	        int exitCode, long requests, long delivered, List<Receiver.Request> received) {

		double maxHeapMb() {
			return maxHeapAfterGcBytes / (1024.0 * 1024.0);
		}

		double peakHeapMb() {
			return peakHeapBytes / (1024.0 * 1024.0);
		}

		String line(int heapMb) {
			return String.format("backlog: %d events drained in %.0f s, max heap %.0f MB (limit %d MB)", events, seconds,
			    maxHeapMb(), heapMb);
		}
	}

	private static final int PER_PATIENT = 10;

	private static final int ROWS_PER_STATEMENT = 1_000;

	private static final int ROWS_PER_TRANSACTION = 20_000;

	private Backlog() {
	}

	/**
	 * @param keepLog keep every request the receiver saw (for exactly-once checks; off for a million)
	 */
	static Result drain(int events, int heapMb, int workers, long seed, boolean keepLog, Duration timeout)
	        throws Exception {
		try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.MARIADB, 4).migrate();
		        Receiver receiver = Receiver.start("127.0.0.1", 0, 8, keepLog, "test-receiver")) {
			Target target = new Target();
			target.setUuid(UUID.randomUUID().toString());
			target.setName("backlog");
			target.setUrl(receiver.url("/backlog"));
			target.getEventTypes().add("*");
			target.setMaxConcurrency(workers);
			target.setTimeoutSeconds(15);
			target.setId(Wiring.targetStore(db).insert(target));

			OutboxRows outbox = new OutboxRows(db);
			Random random = new Random(seed);
			long insertStart = System.nanoTime();
			int patients = Math.max(1, events / PER_PATIENT);
			List<OutboxRows.NewEvent> batch = new ArrayList<>(ROWS_PER_TRANSACTION);
			for (int i = 0; i < events; i++) {
				// patient i mod n: each patient's ten events spread over the whole backlog, as in a real day
				batch.add(new OutboxRows.NewEvent(new UUID(random.nextLong(), random.nextLong()).toString(),
				        "obs.created", "patient-" + (i % patients)));
				if (batch.size() == ROWS_PER_TRANSACTION || i == events - 1) {
					outbox.insert(batch, System.currentTimeMillis(), ROWS_PER_STATEMENT);
					batch.clear();
				}
			}
			System.out.printf("inserted %d pending events for %d patients in %.1f s%n", events, patients,
			    (System.nanoTime() - insertStart) / 1e9);

			try (ChildEngine child = ChildEngine.start("backlog-" + events, db, List.of("-Xmx" + heapMb + "m"), workers,
			    60_000, 1_000, 5_000)) {
				child.awaitReady(Duration.ofSeconds(90));
				long start = System.nanoTime();
				long deadline = start + timeout.toNanos();
				long lastReport = start;
				while (receiver.successes() < events) {
					if (!child.isAlive()) {
						throw new AssertionError("engine process died during the drain (out of memory?); " + child.logTail());
					}
					if (System.nanoTime() > deadline) {
						throw new AssertionError("backlog not drained within " + timeout + ": " + receiver.successes()
						        + " of " + events + " delivered");
					}
					if (System.nanoTime() - lastReport > 10_000_000_000L) {
						lastReport = System.nanoTime();
						System.out.printf("  %.0f s: %d delivered, heap after GC %s%n", (lastReport - start) / 1e9,
						    receiver.successes(), lastHeap(child));
					}
					Thread.sleep(50);
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				// the last outcomes are written, then the engine stops cleanly
				Eventually.until("outcomes written", () -> outbox.deliveries(target.getId(), "DELIVERED") >= events
				        || !child.isAlive(), Duration.ofSeconds(60));
				int exit = child.stop(Duration.ofSeconds(60));
				long max = 0;
				long peak = 0;
				int samples = 0;
				for (String line : child.output()) {
					if (line.startsWith("STOPPED ")) {
						for (String field : line.substring("STOPPED ".length()).split(" ")) {
							String[] kv = field.split("=");
							switch (kv[0]) {
								case "maxHeapAfterGc":
									max = Long.parseLong(kv[1]);
									break;
								case "peakHeap":
									peak = Long.parseLong(kv[1]);
									break;
								case "samples":
									samples = Integer.parseInt(kv[1]);
									break;
								default:
							}
						}
					}
				}
				return new Result(events, seconds, max, peak, samples, exit, receiver.count(),
				        outbox.deliveries(target.getId(), "DELIVERED"), receiver.requests());
			}
		}
	}

	private static String lastHeap(ChildEngine child) {
		List<String> out = child.output();
		for (int i = out.size() - 1; i >= 0; i--) {
			if (out.get(i).startsWith("HEAP ")) {
				return String.format("%.0f MB", Long.parseLong(out.get(i).substring(5).trim()) / (1024.0 * 1024.0));
			}
		}
		return "not sampled yet";
	}
}
