package org.openmrs.module.webhooks.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1. It answers {@code /status/NNN/...} with that status and a small JSON body,
 * anything else with 200, and keeps every request it received.
 */
public final class Receiver implements AutoCloseable {

	/** One request as received. */
	public static final class Request {

		public final String path;

		public final String body;

		public final com.sun.net.httpserver.Headers headers;

		Request(String path, String body, com.sun.net.httpserver.Headers headers) {
			this.path = path;
			this.body = body;
			this.headers = headers;
		}
	}

	private final HttpServer server;

	public final List<Request> requests = new CopyOnWriteArrayList<>();

	public Receiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.setExecutor(Executors.newFixedThreadPool(16, r -> {
			Thread t = new Thread(r, "test-receiver");
			t.setDaemon(true);
			return t;
		}));
		server.createContext("/", this::handle);
		server.start();
	}

	/** {@code http://127.0.0.1:port/status/NNN/hook}, or {@code …/hook} for 200. */
	public String url(int status) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + (status == 200 ? "" : "/status/" + status) + "/hook";
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getPath();
		requests.add(new Request(path, body, exchange.getRequestHeaders()));
		int status = 200;
		if (path.startsWith("/status/")) {
			status = Integer.parseInt(path.split("/")[2]);
		}
		byte[] answer = ("{\"received\":true,\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
