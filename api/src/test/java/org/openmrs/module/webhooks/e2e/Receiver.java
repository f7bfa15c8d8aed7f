package org.openmrs.module.webhooks.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP receiver on 127.0.0.1 that records every request (headers by lower-case name) and answers 200. */
final class Receiver implements AutoCloseable {

	/** One request as it arrived. */
	record Request(String method, String path, Map<String, List<String>> headers, String body, long receivedMillis) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}
	}

	/** Thread name prefix of the receiver's own threads (they are the test's, not the module's). */
	static final String THREADS = "e2e-receiver";

	private final HttpServer server;

	private final ExecutorService executor;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	Receiver() throws IOException {
		AtomicInteger n = new AtomicInteger();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		executor = Executors.newFixedThreadPool(4, r -> {
			Thread t = new Thread(r, THREADS + "-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		server.setExecutor(executor);
		server.createContext("/", exchange -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, List<String>> headers = new TreeMap<>();
			exchange.getRequestHeaders()
			        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
			requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
			        new String(body, StandardCharsets.UTF_8), System.currentTimeMillis()));
			byte[] out = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, out.length);
			try (OutputStream os = exchange.getResponseBody()) {
				os.write(out);
			}
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/openfn/hook";
	}

	List<Request> requests() {
		return new ArrayList<>(requests);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
