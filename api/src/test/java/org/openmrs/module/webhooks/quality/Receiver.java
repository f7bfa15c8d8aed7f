package org.openmrs.module.webhooks.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's HttpServer, like the delivery tests' TestReceiver) that logs
 * every request as (path, webhook-id, arrival number, status answered) — never the body — and can go down and
 * come back on the same port: {@link #down()} closes the listening socket, so connections are refused.
 */
final class Receiver implements AutoCloseable {

	/** One request as the receiver saw it. {@code seq} is the arrival order over all paths. */
	record Hit(String path, String id, long seq, int status) {
	}

	/** What to answer to a request on a path. */
	interface Responder {

		int status(String path, String id);
	}

	static {
		// answer without waiting for the client's delayed ACK
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final int port;

	private final int threads;

	private final boolean keepLog;

	private final ConcurrentLinkedQueue<Hit> log = new ConcurrentLinkedQueue<>();

	private final AtomicLong seq = new AtomicLong();

	private final AtomicLong ok = new AtomicLong();

	private volatile Responder responder = (path, id) -> 200;

	private volatile long delayMillis;

	private HttpServer server;

	private ExecutorService executor;

	/**
	 * @param keepLog whether to keep every {@link Hit} (off for a million requests: only counts)
	 */
	Receiver(int threads, boolean keepLog) throws IOException {
		this.threads = threads;
		this.keepLog = keepLog;
		start(new InetSocketAddress("127.0.0.1", 0));
		this.port = server.getAddress().getPort();
	}

	private void start(InetSocketAddress address) throws IOException {
		HttpServer s = HttpServer.create(address, 512);
		executor = Executors.newFixedThreadPool(threads);
		s.setExecutor(executor);
		s.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
			}
			String path = exchange.getRequestURI().getPath();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			long d = delayMillis;
			if (d > 0) {
				sleep(d);
			}
			int status = responder.status(path, id);
			long n = seq.incrementAndGet();
			if (keepLog) {
				log.add(new Hit(path, id, n, status));
			}
			if (status / 100 == 2) {
				ok.incrementAndGet();
			}
			byte[] out = ("{\"status\":" + status + "}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(status, out.length);
			try (OutputStream os = exchange.getResponseBody()) {
				os.write(out);
			}
		});
		s.start();
		server = s;
	}

	/** The URL of one path on this receiver, e.g. {@code url("/ordered")}. */
	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	void respond(Responder r) {
		this.responder = r;
	}

	/** A pause before each answer (widens the window in which requests are in flight). */
	void delay(long millis) {
		this.delayMillis = millis;
	}

	/** Stops listening: new connections are refused until {@link #up()}. */
	synchronized void down() {
		if (server != null) {
			server.stop(0);
			executor.shutdownNow();
			server = null;
		}
	}

	/** Listens again on the same port. */
	synchronized void up() throws IOException {
		if (server == null) {
			start(new InetSocketAddress("127.0.0.1", port));
		}
	}

	List<Hit> hits() {
		return new ArrayList<>(log);
	}

	/** Requests answered so far (any status). */
	long requests() {
		return seq.get();
	}

	/** Requests answered 2xx so far. */
	long successes() {
		return ok.get();
	}

	@Override
	public synchronized void close() {
		down();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
