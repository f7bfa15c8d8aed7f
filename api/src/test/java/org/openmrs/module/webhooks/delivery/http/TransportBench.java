package org.openmrs.module.webhooks.delivery.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.openmrs.module.webhooks.delivery.OutboundRequest;
import org.openmrs.module.webhooks.delivery.TransportResult;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * How many notifications per second the transport alone can push to a local receiver: {@code T} threads
 * post {@code N} payloads of about 600 bytes to the tests' {@link Receiver} on 127.0.0.1, answering 200 at once and
 * keeping only counts.
 * <p>
 * Usage: {@code TransportBench [requests=20000] [threads=8]}. The last line printed is
 * {@code transport-ceiling: <n> req/s}.
 */
public final class TransportBench {

	private TransportBench() {
	}

	public static void main(String[] args) throws Exception {
		int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		EgressPolicy policy = EgressPolicy.parse(true, "127.0.0.1/32", "");
		byte[] payload = payload();
		ExecutorService senders = Executors.newFixedThreadPool(threads);
		try (Receiver receiver = Receiver.start("127.0.0.1", 0, Math.max(4, threads * 2), false, "bench-receiver");
		        HttpTransport transport = HttpTransport.builder(() -> policy, "bench").maxConnections(threads * 2, threads)
		                .build()) {
			URI url = URI.create(receiver.url("/i/bench"));
			run(transport, senders, url, payload, Math.min(requests, 5_000), threads); // warm-up: JIT, pool
			long started = System.nanoTime();
			int failures = run(transport, senders, url, payload, requests, threads);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("requests=%d threads=%d payloadBytes=%d failures=%d seconds=%.2f%n", requests, threads,
			    payload.length, failures, seconds);
			System.out.println("transport-ceiling: " + Math.round(requests / seconds) + " req/s");
		}
		finally {
			senders.shutdownNow();
		}
	}

	private static int run(HttpTransport transport, ExecutorService senders, URI url, byte[] payload, int requests,
	        int threads) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(senders.submit(() -> {
				while (next.getAndIncrement() < requests) {
					TransportResult result = transport.send(OutboundRequest.builder(url)
					        .header("webhook-id", "evt_" + next.get()).header("webhook-timestamp", "1764234301")
					        .header("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
					        .header("x-api-key", "bench-key").body(payload).timeoutSeconds(30).build());
					if (!result.isSuccess()) {
						failures.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		return failures.get();
	}

	/** A thin encounter notification with a ~600-byte body, like the real ones. */
	private static byte[] payload() throws IOException {
		String body = "{\"id\":\"6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b\",\"type\":\"encounter.created\","
		        + "\"timestamp\":\"2026-11-27T09:05:01.123Z\",\"data\":{\"resource\":\"encounter\","
		        + "\"uuid\":\"0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\",\"action\":\"created\","
		        + "\"patient\":{\"uuid\":\"1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e\"},"
		        + "\"links\":{\"rest\":\"/ws/rest/v1/encounter/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\","
		        + "\"fhir\":\"/ws/fhir2/R4/Encounter/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\"},"
		        + "\"encounterType\":{\"uuid\":\"d7151f82-c1f3-4152-a605-2f9ea7414a79\"},"
		        + "\"location\":{\"uuid\":\"44c3efb0-2583-4c80-a79e-1f756a03c0a1\"}},"
		        + "\"source\":{\"instance\":\"district-hospital-01\",\"module\":\"webhooks/1.0.0\"}}";
		StringBuilder padded = new StringBuilder(body);
		while (padded.length() < 600) {
			padded.insert(padded.length() - 1, ' ');
		}
		return padded.toString().getBytes(StandardCharsets.UTF_8);
	}
}
