package org.openmrs.module.webhooks.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver (the JDK's HttpServer) for the tests: it records every request with its headers and body, in
 * arrival order, and answers what the test scripts (200 by default; any status, headers, body, or a pause before the
 * answer to provoke the sender's timeout). It can go down (connections refused) and come back on the same port, and
 * tests wait on it for a number of requests. Its threads are daemon threads named after {@link #threadPrefix()}, so
 * thread checks can tell them from the module's. It never logs a request.
 *
 * <pre>
 * try (Receiver receiver = Receiver.start()) {
 *     receiver.respond(r -&gt; Receiver.Response.status(503).header("Retry-After", "1"));
 *     ... deliver to receiver.url("/hook") ...
 *     List&lt;Receiver.Request&gt; got = receiver.awaitCount(3, Duration.ofSeconds(30));
 * }
 * </pre>
 */
public final class Receiver implements AutoCloseable {

	static {
		// The JDK server writes headers and body separately; with Nagle on, every answer would wait for the client's
		// delayed ACK (~40 ms). Real receivers do not behave like that. Read once per JVM.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	/** One request as it arrived. {@code seq} counts from 1 over all paths, in arrival order. */
	public record Request(long seq, String method, String path, String query, Map<String, List<String>> headers,
	        byte[] bodyBytes, long receivedAtMillis) {

		/** The first value of a header, by case-insensitive name; {@code null} when absent. */
		public String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}

		public String body() {
			return new String(bodyBytes, StandardCharsets.UTF_8);
		}

		/** The Standard Webhooks {@code webhook-id} header. */
		public String webhookId() {
			return header("webhook-id");
		}
	}

	/** What to answer. Immutable: the builders return copies. */
	public record Response(int status, Map<String, String> headers, byte[] bodyBytes, long delayMillis) {

		public static Response ok() {
			return new Response(200, Map.of("Content-Type", "application/json"), utf8("{\"ok\":true}"), 0);
		}

		public static Response status(int status) {
			return new Response(status, Map.of("Content-Type", "application/json"), utf8("{\"status\":" + status + "}"), 0);
		}

		public Response header(String name, String value) {
			Map<String, String> h = new LinkedHashMap<>(headers);
			h.put(name, value);
			return new Response(status, h, bodyBytes, delayMillis);
		}

		/** This body (UTF-8), or none for {@code null}. */
		public Response body(String newBody) {
			return new Response(status, headers, newBody == null ? null : utf8(newBody), delayMillis);
		}

		/** These bytes as the body (a file to download, say). */
		public Response body(byte[] newBody) {
			return new Response(status, headers, newBody, delayMillis);
		}

		/** Wait this long before answering (longer than the sender's timeout: a timeout). */
		public Response delay(Duration delay) {
			return new Response(status, headers, bodyBytes, delay.toMillis());
		}

		private static byte[] utf8(String s) {
			return s.getBytes(StandardCharsets.UTF_8);
		}
	}

	private final String bindAddress;

	private final String threadPrefix;

	private final int threads;

	private final boolean keepRequests;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final AtomicLong seq = new AtomicLong();

	private final AtomicLong answered2xx = new AtomicLong();

	private final Object arrivals = new Object();

	private volatile Function<Request, Response> responder = r -> Response.ok();

	private int port;

	private HttpServer server;

	private ExecutorService executor;

	private Receiver(String bindAddress, int port, int threads, boolean keepRequests, String threadPrefix)
	        throws IOException {
		this.bindAddress = bindAddress;
		this.threads = threads;
		this.keepRequests = keepRequests;
		this.threadPrefix = threadPrefix;
		listen(port);
	}

	/** On 127.0.0.1, a free port, 16 threads, every request kept. */
	public static Receiver start() throws IOException {
		return new Receiver("127.0.0.1", 0, 16, true, "test-receiver");
	}

	/**
	 * @param bindAddress the address to listen on (e.g. {@code 0.0.0.0} for a server on another machine)
	 * @param port 0 for a free port
	 * @param threads threads answering requests
	 * @param keepRequests false to keep only counts (for millions of requests)
	 * @param threadPrefix name prefix of the receiver's threads
	 */
	public static Receiver start(String bindAddress, int port, int threads, boolean keepRequests, String threadPrefix)
	        throws IOException {
		return new Receiver(bindAddress, port, threads, keepRequests, threadPrefix);
	}

	private synchronized void listen(int onPort) throws IOException {
		HttpServer s = HttpServer.create(new InetSocketAddress(bindAddress, onPort), 512);
		AtomicInteger n = new AtomicInteger();
		executor = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, threadPrefix + "-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		s.setExecutor(executor);
		s.createContext("/", this::handle);
		s.start();
		server = s;
		port = s.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, List<String>> headers = new TreeMap<>();
			exchange.getRequestHeaders()
			        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
			Request request = new Request(seq.incrementAndGet(), exchange.getRequestMethod(),
			        exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
			        Collections.unmodifiableMap(headers), body, System.currentTimeMillis());
			Response response;
			try {
				response = responder.apply(request);
			}
			catch (RuntimeException e) {
				response = Response.status(500);
			}
			if (response.delayMillis() > 0) {
				Thread.sleep(response.delayMillis());
			}
			if (keepRequests) {
				requests.add(request);
			}
			if (response.status() / 100 == 2) {
				answered2xx.incrementAndGet();
			}
			synchronized (arrivals) {
				arrivals.notifyAll();
			}
			response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
			byte[] out = response.bodyBytes() == null ? new byte[0] : response.bodyBytes();
			exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
			if (out.length > 0) {
				try (OutputStream os = exchange.getResponseBody()) {
					os.write(out);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (IOException e) {
			// the client went away (its timeout, a response cap): expected in some tests
		}
	}

	/** {@code http://<bind address>:<port><path>}; with 0.0.0.0, the loopback address. */
	public String url(String path) {
		String host = "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
		return "http://" + host + ":" + port + path;
	}

	/** {@code http://<host>:<port><path>}: the URL as a server on another machine reaches this receiver. */
	public String url(String host, String path) {
		return "http://" + host + ":" + port + path;
	}

	public int port() {
		return port;
	}

	public String threadPrefix() {
		return threadPrefix;
	}

	/** What to answer from now on (the request has been read; its body is in the argument). */
	public void respond(Function<Request, Response> responder) {
		this.responder = responder;
	}

	/** Every request kept so far, in arrival order. */
	public List<Request> requests() {
		List<Request> copy = new ArrayList<>(requests);
		copy.sort((a, b) -> Long.compare(a.seq(), b.seq()));
		return copy;
	}

	/** Requests answered so far, whatever the answer. */
	public long count() {
		return seq.get();
	}

	/** Requests answered with a 2xx so far. */
	public long successes() {
		return answered2xx.get();
	}

	/** Forgets the requests kept so far (counts go on). */
	public void clear() {
		requests.clear();
	}

	/** Waits until the kept requests satisfy {@code condition}; returns them. Fails the test on timeout. */
	public List<Request> await(String what, Predicate<List<Request>> condition, Duration timeout)
	        throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<Request> now = requests();
			if (condition.test(now)) {
				return now;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; received "
				        + now.size() + " request(s)");
			}
			synchronized (arrivals) {
				arrivals.wait(Math.max(1, Math.min(200, left / 1_000_000)));
			}
		}
	}

	/** Waits until at least {@code n} requests were kept; returns all kept. */
	public List<Request> awaitCount(int n, Duration timeout) throws InterruptedException {
		return await(n + " request(s)", r -> r.size() >= n, timeout);
	}

	/** Waits until at least {@code n} kept requests match; returns the matching ones, in arrival order. */
	public List<Request> awaitMatching(String what, Predicate<Request> match, int n, Duration timeout)
	        throws InterruptedException {
		return await(n + " x " + what, r -> r.stream().filter(match).count() >= n, timeout).stream().filter(match)
		        .toList();
	}

	/** Stops listening: connections are refused until {@link #up()}. Kept requests stay. */
	public synchronized void down() {
		if (server != null) {
			server.stop(0);
			executor.shutdownNow();
			server = null;
		}
	}

	/** Listens again, on the same port. */
	public synchronized void up() throws IOException {
		if (server == null) {
			listen(port);
		}
	}

	public synchronized boolean isUp() {
		return server != null;
	}

	@Override
	public synchronized void close() {
		down();
	}
}
