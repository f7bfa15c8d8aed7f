package org.openmrs.module.webhooks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * PRODUCT §7 backlog, at the size the build can afford ({@value #EVENTS} events; {@link BacklogBenchmark} drains
 * a million): the engine, in its own JVM limited to 256 MB, drains a MariaDB backlog without running out of
 * memory, and the heap it keeps after a full GC stays small and flat — nothing is loaded in proportion to the
 * backlog (fan-out, claims and outcome writes all go in bounded batches).
 */
class BacklogTest {

	private static final int EVENTS = 100_000;

	@Test
	void backlog_shouldDrainWithABoundedHeap() throws Exception {
		long started = System.nanoTime();
		Backlog.Result r = Backlog.drain(EVENTS, 256, 16, 7L, true, Duration.ofMinutes(5));
		System.out.println(r.line(256));
		System.out.printf("peak heap incl. garbage %.0f MB, %d samples, %d requests; took %.1f s%n", r.peakHeapMb(),
		    r.heapSamples(), r.requests(), (System.nanoTime() - started) / 1e9);

		assertThat(r.exitCode()).as("engine process exit code (3 = out of memory)").isZero();
		assertThat(r.delivered()).isEqualTo(EVENTS);
		Set<String> ids = new HashSet<>();
		for (Receiver.Request h : r.received()) {
			ids.add(h.webhookId());
		}
		assertThat(ids).as("every event received").hasSize(EVENTS);
		assertThat(r.heapSamples()).as("heap samples").isPositive();
		// a few MB of engine, pools and HTTP client; nothing that grows with the backlog
		assertThat(r.maxHeapMb()).as("live heap after GC, MB").isLessThan(64);
	}
}
