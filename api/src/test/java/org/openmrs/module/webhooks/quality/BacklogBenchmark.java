package org.openmrs.module.webhooks.quality;

import java.time.Duration;

/**
 * PRODUCT §7 backlog: a million pending events drain with a bounded heap. The engine runs in a JVM of its own
 * with {@code -Xmx256m} (the bar for the module) against a MariaDB outbox holding the whole backlog, and must
 * deliver every event without running out of memory; the heap it needs is sampled after a full GC every 5 s.
 * Last line: {@code backlog: <n> events drained in <s> s, max heap <m> MB (limit 256 MB)}.
 *
 * <p>Arguments (optional): events (1000000), heap limit in MB (256), sender threads (16).
 */
public final class BacklogBenchmark {

	private BacklogBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int heapMb = args.length > 1 ? Integer.parseInt(args[1]) : 256;
		int workers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
		Backlog.Result r = Backlog.drain(events, heapMb, workers, 1L, false, Duration.ofHours(3));
		if (r.exitCode() != 0) {
			throw new IllegalStateException("engine process exited with " + r.exitCode());
		}
		if (r.delivered() != events) {
			throw new IllegalStateException(r.delivered() + " of " + events + " deliveries recorded as delivered");
		}
		System.out.printf("requests %d for %d events (%d duplicates), %.0f deliveries/s, peak heap incl. garbage"
		        + " %.0f MB, %d heap samples%n", r.requests(), events, r.requests() - events, events / r.seconds(),
		    r.peakHeapMb(), r.heapSamples());
		System.out.println(r.line(heapMb));
	}
}
