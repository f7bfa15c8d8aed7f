package org.openmrs.module.webhooks.delivery.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1 (JDK HttpServer, ephemeral port) that records every request and every
 * client connection (by the client's address and port), then answers with the given handler.
 */
final class TestReceiver implements AutoCloseable {

	static {
		// The JDK server writes headers and body separately; with Nagle on, every response waits for the
		// client's delayed ACK (~40 ms). Real receivers do not behave like that; read once per JVM.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	/** Answers one request; the request body has already been read. */
	interface Handler {

		void handle(HttpExchange exchange, int requestNumber) throws Exception;
	}

	/** One received request. */
	record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase());
			return values == null ? null : String.join(",", values);
		}

		String bodyText() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();

	private final AtomicInteger count = new AtomicInteger();

	private TestReceiver(Handler handler, int threads) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		executor = Executors.newFixedThreadPool(threads);
		server.setExecutor(executor);
		server.createContext("/", exchange -> {
			try (exchange) {
				byte[] body;
				try (InputStream in = exchange.getRequestBody()) {
					body = in.readAllBytes();
				}
				Map<String, List<String>> headers = new TreeMap<>();
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
				connections.add(exchange.getRemoteAddress());
				received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
				handler.handle(exchange, count.incrementAndGet());
			}
			catch (IOException e) {
				// the client went away (timeout, cap): expected in several tests
			}
			catch (Exception e) {
				throw new IOException(e);
			}
		});
		server.start();
	}

	static TestReceiver start(Handler handler) throws IOException {
		return new TestReceiver(handler, 16);
	}

	static TestReceiver start(Handler handler, int threads) throws IOException {
		return new TestReceiver(handler, threads);
	}

	/** A handler answering {@code status} with {@code body} (no body when {@code null}) and header pairs. */
	static Handler answer(int status, String body, String... headerPairs) {
		return (exchange, n) -> respond(exchange, status, body, headerPairs);
	}

	static void respond(HttpExchange exchange, int status, String body, String... headerPairs) throws IOException {
		for (int i = 0; i + 1 < headerPairs.length; i += 2) {
			exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
		}
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	int port() {
		return server.getAddress().getPort();
	}

	List<Received> requests() {
		return received;
	}

	int hits() {
		return received.size();
	}

	/** Distinct client connections seen (client address and ephemeral port). */
	int connectionCount() {
		return connections.size();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
