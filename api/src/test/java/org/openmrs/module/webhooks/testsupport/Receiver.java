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

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP (or HTTPS) receiver (the JDK's HttpServer) for the tests and benchmarks. It numbers every request in
 * arrival order and keeps it with its headers, body, client address and the status answered (or, for millions of
 * requests, only counts them), and answers what the test scripts: 200 by default; any status, headers and body (text
 * or bytes), a pause before the answer (to provoke the sender's timeout), a body streamed by the test, or no answer
 * at all (the connection closed). It can go down (connections refused) and come back on the same port, and tests
 * wait on it for requests. Its threads are daemon threads named after {@link #threadPrefix()}, so thread checks can
 * tell them from the module's. It never logs a request.
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

	/**
	 * One request as it arrived. {@code seq} counts from 1 over all paths, in arrival order; {@code client} is the
	 * sender's end of the connection (address and port: one per connection); {@code status} is what the receiver
	 * answered (0 for no answer, and in the request a responder is given, which is not answered yet).
	 */
	public record Request(long seq, String method, String path, String query, Map<String, List<String>> headers,
	        byte[] bodyBytes, long receivedAtMillis, InetSocketAddress client, int status) {

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

		Request answered(int answer) {
			return new Request(seq, method, path, query, headers, bodyBytes, receivedAtMillis, client, answer);
		}
	}

	/** Writes a response body as the test likes (slowly, or without end); the client may hang up meanwhile. */
	public interface BodyWriter {

		void write(OutputStream out) throws IOException, InterruptedException;
	}

	/**
	 * What to answer. Immutable: the builders return copies. The body is bytes ({@code null}: none), text as UTF-8
	 * or a file to download alike. Status 0 ({@link #hangUp()}) answers nothing and closes the connection; a
	 * {@code stream} writes the body itself, chunked, after the headers.
	 */
	public record Response(int status, Map<String, String> headers, byte[] bodyBytes, long delayMillis,
	        BodyWriter stream) {

		public static Response ok() {
			return new Response(200, Map.of("Content-Type", "application/json"), utf8("{\"ok\":true}"), 0, null);
		}

		public static Response status(int status) {
			return new Response(status, Map.of("Content-Type", "application/json"),
			        utf8("{\"status\":" + status + "}"), 0, null);
		}

		/** No answer at all: the connection is closed once the request is read (and any delay is over). */
		public static Response hangUp() {
			return new Response(0, Map.of(), null, 0, null);
		}

		public Response header(String name, String value) {
			Map<String, String> h = new LinkedHashMap<>(headers);
			h.put(name, value);
			return new Response(status, h, bodyBytes, delayMillis, stream);
		}

		/** This body (UTF-8), or none for {@code null}. */
		public Response body(String newBody) {
			return body(newBody == null ? null : utf8(newBody));
		}

		/** These bytes as the body (a file to download, say), or none for {@code null}. */
		public Response body(byte[] newBody) {
			return new Response(status, headers, newBody, delayMillis, null);
		}

		/** No body: no content, no declared length. */
		public Response noBody() {
			return body((byte[]) null);
		}

		/** The headers at once, then a body written by {@code writer} (chunked: no declared length). */
		public Response stream(BodyWriter writer) {
			return new Response(status, headers, null, delayMillis, writer);
		}

		/** Wait this long before answering (longer than the sender's timeout: a timeout). */
		public Response delay(Duration delay) {
			return new Response(status, headers, bodyBytes, delay.toMillis(), stream);
		}

		private static byte[] utf8(String s) {
			return s.getBytes(StandardCharsets.UTF_8);
		}
	}

	private final String bindAddress;

	private final SSLContext tls;

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

	private Receiver(String bindAddress, int port, int threads, boolean keepRequests, String threadPrefix,
	        SSLContext tls) throws IOException {
		this.bindAddress = bindAddress;
		this.threads = threads;
		this.keepRequests = keepRequests;
		this.threadPrefix = threadPrefix;
		this.tls = tls;
		listen(port);
	}

	/** On 127.0.0.1, a free port, 16 threads, every request kept. */
	public static Receiver start() throws IOException {
		return start("127.0.0.1", 0, 16, true, "test-receiver");
	}

	/**
	 * @param bindAddress the address to listen on (e.g. {@code 0.0.0.0} for a server on another machine)
	 * @param port 0 for a free port
	 * @param threads threads answering requests (as many requests at once)
	 * @param keepRequests false to keep only counts (for millions of requests, and benchmarks)
	 * @param threadPrefix name prefix of the receiver's threads
	 */
	public static Receiver start(String bindAddress, int port, int threads, boolean keepRequests, String threadPrefix)
	        throws IOException {
		return new Receiver(bindAddress, port, threads, keepRequests, threadPrefix, null);
	}

	/** As {@link #start()}, over HTTPS with the server certificate of {@code tls}; {@link #url} says https. */
	public static Receiver startHttps(SSLContext tls) throws IOException {
		return new Receiver("127.0.0.1", 0, 16, true, "test-receiver", tls);
	}

	/**
	 * A responder that answers {@code /status/NNN/...} with status NNN and any other path 200: one receiver, a path
	 * per behaviour (e.g. {@code receiver.respond(Receiver::statusByPath)}, then a target at
	 * {@code receiver.url("/status/400/hook")}).
	 */
	public static Response statusByPath(Request request) {
		String[] parts = request.path().split("/");
		return parts.length > 2 && parts[1].equals("status") ? Response.status(Integer.parseInt(parts[2]))
		        : Response.ok();
	}

	private synchronized void listen(int onPort) throws IOException {
		InetSocketAddress address = new InetSocketAddress(bindAddress, onPort);
		HttpServer s;
		if (tls == null) {
			s = HttpServer.create(address, 512);
		} else {
			HttpsServer https = HttpsServer.create(address, 512);
			https.setHttpsConfigurator(new HttpsConfigurator(tls));
			s = https;
		}
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

	/** Reads the request, asks the responder, keeps and counts the request, waits the delay, answers. */
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
			        Collections.unmodifiableMap(headers), body, System.currentTimeMillis(), exchange.getRemoteAddress(),
			        0);
			Response response;
			try {
				response = responder.apply(request);
			}
			catch (RuntimeException e) {
				response = Response.status(500);
			}
			if (keepRequests) {
				requests.add(request.answered(response.status()));
			}
			if (response.status() / 100 == 2) {
				answered2xx.incrementAndGet();
			}
			synchronized (arrivals) {
				arrivals.notifyAll();
			}
			if (response.delayMillis() > 0) {
				Thread.sleep(response.delayMillis());
			}
			if (response.status() != 0) {
				answer(exchange, response);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (IOException e) {
			// the client went away (its timeout, a response cap): expected in some tests
		}
	}

	private static void answer(HttpExchange exchange, Response response) throws IOException, InterruptedException {
		response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
		if (response.stream() != null) {
			exchange.sendResponseHeaders(response.status(), 0);
			try (OutputStream os = exchange.getResponseBody()) {
				response.stream().write(os);
			}
			return;
		}
		byte[] out = response.bodyBytes() == null ? new byte[0] : response.bodyBytes();
		exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
		if (out.length > 0) {
			try (OutputStream os = exchange.getResponseBody()) {
				os.write(out);
			}
		}
	}

	/** {@code http(s)://<bind address>:<port><path>}; with 0.0.0.0, the loopback address. */
	public String url(String path) {
		return url("0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress, path);
	}

	/** {@code http(s)://<host>:<port><path>}: the URL as a server on another machine reaches this receiver. */
	public String url(String host, String path) {
		return (tls == null ? "http" : "https") + "://" + host + ":" + port + path;
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

	/** Requests received so far, whatever the answer. */
	public long count() {
		return seq.get();
	}

	/** Requests answered (or being answered) with a 2xx so far. */
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
