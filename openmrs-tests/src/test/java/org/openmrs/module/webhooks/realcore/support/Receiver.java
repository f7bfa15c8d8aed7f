package org.openmrs.module.webhooks.realcore.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1 that answers 204 and keeps what it received.
 * <p>
 * Not the api's shared {@code testsupport.Receiver}, on purpose: that one is Java 17 bytecode (records) in the api
 * test jar, all of it under {@code org.openmrs}, and core 2.5's test context scans {@code org.openmrs} with Spring
 * 5.2, whose ASM rejects class files newer than Java 15 ("Unsupported class file major version 61": no context
 * loads). This suite's classes are Java 11 for the same reason.
 */
public final class Receiver implements AutoCloseable {

	/** One request: lower-case header names to their first value, and the body. */
	public static final class Request {

		public final Map<String, String> headers = new TreeMap<>();

		public String body;
	}

	private final HttpServer server;

	private final List<Request> received = new CopyOnWriteArrayList<>();

	public Receiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			Request r = new Request();
			exchange.getRequestHeaders().forEach((k, v) -> r.headers.put(k.toLowerCase(), v.get(0)));
			try (InputStream in = exchange.getRequestBody()) {
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				in.transferTo(body);
				r.body = new String(body.toByteArray(), StandardCharsets.UTF_8);
			}
			received.add(r);
			exchange.sendResponseHeaders(204, -1);
			try (OutputStream out = exchange.getResponseBody()) {
				// no body
			}
		});
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	public List<Request> received() {
		return received;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
