package org.openmrs.module.webhooks.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP receiver on 127.0.0.1 that records every request and answers what the test says. */
final class TestReceiver implements AutoCloseable {

	record Request(String id, String timestamp, String signature, Map<String, List<String>> headers, String body,
	        long receivedNanos) {

		String header(String name) {
			for (Map.Entry<String, List<String>> e : headers.entrySet()) {
				if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
					return e.getValue().get(0);
				}
			}
			return null;
		}
	}

	record Response(int status, String retryAfter, String body) {

		static Response ok() {
			return new Response(200, null, "{\"ok\":true}");
		}

		static Response status(int status) {
			return new Response(status, null, "status " + status);
		}
	}

	static {
		// answer headers and body without waiting for the client's delayed ACK
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> countsById = new ConcurrentHashMap<>();

	private volatile Function<Request, Response> responder = r -> Response.ok();

	TestReceiver() throws IOException {
		this(16, true);
	}

	TestReceiver(int threads, boolean keepRequests) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		executor = Executors.newFixedThreadPool(threads);
		server.setExecutor(executor);
		server.createContext("/", exchange -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, List<String>> headers = exchange.getRequestHeaders();
			Request req = new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
			        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
			        exchange.getRequestHeaders().getFirst("webhook-signature"), headers,
			        new String(body, StandardCharsets.UTF_8), System.nanoTime());
			countsById.computeIfAbsent(String.valueOf(req.id()), k -> new AtomicInteger()).incrementAndGet();
			if (keepRequests) {
				requests.add(req);
			}
			Response resp = responder.apply(req);
			byte[] out = resp.body() == null ? new byte[0] : resp.body().getBytes(StandardCharsets.UTF_8);
			if (resp.retryAfter() != null) {
				exchange.getResponseHeaders().add("Retry-After", resp.retryAfter());
			}
			exchange.sendResponseHeaders(resp.status(), out.length == 0 ? -1 : out.length);
			try (OutputStream os = exchange.getResponseBody()) {
				os.write(out);
			}
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	void respond(Function<Request, Response> responder) {
		this.responder = responder;
	}

	List<Request> requests() {
		return new ArrayList<>(requests);
	}

	int count() {
		int n = 0;
		for (AtomicInteger c : countsById.values()) {
			n += c.get();
		}
		return n;
	}

	Map<String, AtomicInteger> countsById() {
		return countsById;
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
