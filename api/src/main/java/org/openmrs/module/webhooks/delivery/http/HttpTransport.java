package org.openmrs.module.webhooks.delivery.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.openmrs.module.webhooks.WebhooksLifecycle;
import org.openmrs.module.webhooks.delivery.FailureKind;
import org.openmrs.module.webhooks.delivery.OutboundRequest;
import org.openmrs.module.webhooks.delivery.Transport;
import org.openmrs.module.webhooks.delivery.TransportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Transport} on Apache HttpClient 5 (classic, blocking: the engine's workers are threads anyway,
 * and a pooled blocking client is the fastest way for a handful of them to reach one receiver).
 * <p>
 * One connection pool with keep-alive; redirects never followed; no automatic retries (the engine retries
 * with its own schedule); no cookies, no auth caching, no compression; every connection checked against the
 * {@link EgressPolicy} at the moment it is made, on the address actually connected. The whole send — pool
 * wait, connect, response headers and body — is bounded by the request's timeout. Of a request, only its
 * host is ever logged: never its path, query, headers or body.
 */
public final class HttpTransport implements Transport, WebhooksLifecycle {

	private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);

	/**
	 * How long the whole-send deadline waits beyond the timeout, so that when HttpClient's own connect or read
	 * timeout is what expires, its more telling message ("connect … timed out") wins the race.
	 */
	private static final long DEADLINE_GRACE_MILLIS = 200;

	/** Header values shorter than this are not scrubbed from error texts; secrets are longer, ports are not. */
	private static final int MIN_SCRUBBED_VALUE = 6;

	private final PooledClient client;

	private final Supplier<EgressPolicy> policy;

	private final DeadlineTimer deadlines = new DeadlineTimer();

	private final Clock clock;

	private final AtomicReference<EgressPolicy> lastPolicy = new AtomicReference<EgressPolicy>();

	private volatile boolean closed;

	private HttpTransport(Builder builder) {
		this.policy = new FailClosedPolicy(builder.policy);
		this.clock = builder.clock;
		this.client = new PooledClient(policy, builder.dnsResolver, builder.tlsStrategy, builder.maxTotal,
		        builder.maxPerRoute, "OpenMRS-Webhooks/" + builder.moduleVersion);
	}

	/**
	 * @param policy read on every send and every new connection, so global property changes apply at once;
	 *            must be cheap and thread-safe; a {@code null} policy, or one that throws, refuses everything
	 * @param moduleVersion for {@code User-Agent: OpenMRS-Webhooks/<version>}
	 */
	public static Builder builder(Supplier<EgressPolicy> policy, String moduleVersion) {
		return new Builder(policy, moduleVersion);
	}

	@Override
	public TransportResult send(OutboundRequest request) {
		long started = System.nanoTime();
		try {
			TransportResult result = checkThenSend(request, started);
			return result.getError() == null ? result
			        : TransportResult.failure(result.getFailure(), scrub(result.getError(), request.getHeaders()),
			            result.getDurationMillis());
		}
		catch (RuntimeException e) {
			// The contract is "never throws"; an unexpected bug still must not kill a worker.
			log.warn("Unexpected {} sending to host {}", e.getClass().getName(), request.getUrl().getHost());
			log.debug("Unexpected failure detail", e);
			return TransportResult.failure(FailureKind.IO, "unexpected error: " + e.getClass().getSimpleName(),
			    millisSince(started));
		}
	}

	private TransportResult checkThenSend(OutboundRequest request, long started) {
		if (closed) {
			return TransportResult.failure(FailureKind.IO, "the transport is closed", 0);
		}
		String urlProblem = TargetUrl.problem(request.getUrl());
		if (urlProblem != null) {
			return TransportResult.failure(FailureKind.INVALID_URL, urlProblem, millisSince(started));
		}
		EgressPolicy current = policy.get();
		if (current == null) {
			return TransportResult.failure(FailureKind.EGRESS_REFUSED,
			    "egress refused: the egress policy could not be read (see the server log)", millisSince(started));
		}
		EgressPolicy previous = lastPolicy.getAndSet(current);
		if (previous != null && !previous.equals(current)) {
			// Pooled connections were checked under the old rules; the next sends must connect afresh.
			client.dropIdleConnections();
		}
		String schemeRefusal = current.schemeRefusal(TargetUrl.scheme(request.getUrl()));
		if (schemeRefusal != null) {
			return TransportResult.failure(FailureKind.EGRESS_REFUSED, schemeRefusal, millisSince(started));
		}
		return execute(request, started);
	}

	private TransportResult execute(OutboundRequest request, long started) {
		HttpPost post = PostFactory.newPost(request);
		int timeoutSeconds = request.getTimeoutSeconds();
		DeadlineTimer.Deadline deadline = deadlines.start(post,
		    TimeUnit.SECONDS.toMillis(timeoutSeconds) + DEADLINE_GRACE_MILLIS);
		ClassicHttpResponse response;
		try {
			response = openWithin(deadline, post);
		}
		catch (IOException e) {
			deadline.stop();
			Failures.Failure failure = Failures.classify(e, deadline.hasPassed(), timeoutSeconds,
			    TargetUrl.hostAndPort(request.getUrl()));
			if (log.isDebugEnabled()) {
				log.debug("Send to host {} failed: {} ({})", request.getUrl().getHost(), failure.kind,
				    e.getClass().getName());
			}
			return TransportResult.failure(failure.kind, failure.error, millisSince(started));
		}
		try {
			Header retryAfter = response.getFirstHeader("Retry-After");
			String excerpt = readExcerpt(response.getEntity(), post);
			return TransportResult.response(response.getCode(), millisSince(started), excerpt,
			    RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), clock));
		}
		finally {
			deadline.stop();
			closeQuietly(response);
		}
	}

	/**
	 * Opens the exchange with the deadline visible to the guarded socket (same thread: the classic client
	 * connects on the caller's), so that a connect that would start after the deadline, typically behind a
	 * slow DNS answer the cancel could not interrupt, does not happen at all.
	 */
	private ClassicHttpResponse openWithin(DeadlineTimer.Deadline deadline, HttpPost post) throws IOException {
		deadline.enter();
		try {
			return client.open(post);
		}
		catch (IllegalStateException e) {
			if (deadline.hasPassed()) {
				// HttpClient's way of saying the cancelled exchange lost its connection mid-way.
				throw new InterruptedIOException("cancelled by the deadline");
			}
			throw e;
		}
		finally {
			deadline.exit();
		}
	}

	/**
	 * Captures the start of the body. A body read short of its end (too big, or cut off by the deadline) costs
	 * its connection: cancelling discards it, where closing the stream would read the rest of it first.
	 */
	private static String readExcerpt(HttpEntity entity, HttpPost post) {
		if (entity == null) {
			return null;
		}
		BodyCapture capture = new BodyCapture();
		try (InputStream in = entity.getContent()) {
			capture.readFrom(in, entity.getContentLength());
			if (!capture.isComplete()) {
				post.cancel();
			}
		}
		catch (IOException e) {
			// The status is in; a broken or stalled body only shortens the excerpt.
			post.cancel();
		}
		return capture.excerpt();
	}

	/** After a cancel, closing complains about the connection it no longer has; the outcome is already known. */
	private static void closeQuietly(ClassicHttpResponse response) {
		try {
			response.close();
		}
		catch (IOException e) {
			log.trace("Closing a cancelled response", e);
		}
	}

	private static String scrub(String error, Map<String, String> headers) {
		String safe = error;
		for (String value : headers.values()) {
			if (value.length() >= MIN_SCRUBBED_VALUE && safe.contains(value)) {
				safe = safe.replace(value, "***");
			}
		}
		return safe;
	}

	private static long millisSince(long startedNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
	}

	/**
	 * The module started: the pool's idle connections are evicted by a thread again. (A new transport evicts from
	 * construction; the whole-send deadline timer starts its thread at the first send anyway.)
	 */
	@Override
	public void start() {
		if (!closed) {
			client.startEvictor();
		}
	}

	/**
	 * The module stops (or its context is refreshed): ends the transport's threads, the pool's evictor and the
	 * deadline timer, and closes the idle connections, so that no thread of the module outlives the module while
	 * this bean lives on until its context closes. Sends still work (a test event, say): the deadline timer's
	 * thread then comes back for them and ends by itself once they are done. The delivery engine, started after
	 * this, is stopped before it.
	 */
	@Override
	public void stop() {
		client.stopEvictor();
		deadlines.stop();
	}

	/**
	 * Shuts the pool and its threads down; later sends fail with {@link FailureKind#IO}, and so may a send still
	 * in flight, so stop the workers first. Idempotent.
	 */
	@Override
	public void close() {
		closed = true;
		client.close();
		deadlines.close();
	}

	/** Configures an {@link HttpTransport}; not thread-safe. */
	public static final class Builder {

		private final Supplier<EgressPolicy> policy;

		private final String moduleVersion;

		private int maxTotal = 50;

		private int maxPerRoute = 10;

		private DnsResolver dnsResolver = SystemDefaultDnsResolver.INSTANCE;

		private TlsSocketStrategy tlsStrategy;

		private Clock clock = Clock.systemUTC();

		private Builder(Supplier<EgressPolicy> policy, String moduleVersion) {
			if (policy == null || moduleVersion == null) {
				throw new IllegalArgumentException("policy and moduleVersion are required");
			}
			this.policy = policy;
			this.moduleVersion = moduleVersion;
		}

		/** Pool limits: at most {@code total} connections, at most {@code perRoute} to one scheme/host/port. */
		public Builder maxConnections(int total, int perRoute) {
			if (total < 1 || perRoute < 1 || perRoute > total) {
				throw new IllegalArgumentException(
				        "need 1 <= perRoute <= total, got total=" + total + ", perRoute=" + perRoute);
			}
			this.maxTotal = total;
			this.maxPerRoute = perRoute;
			return this;
		}

		/** Tests only: production always resolves with the system resolver. */
		Builder dnsResolver(DnsResolver resolver) {
			this.dnsResolver = resolver;
			return this;
		}

		/** Tests only: e.g. trust a self-signed test certificate. {@code null} means the JVM's default trust. */
		Builder tlsStrategy(TlsSocketStrategy strategy) {
			this.tlsStrategy = strategy;
			return this;
		}

		/** Tests only: the "now" Retry-After dates are measured from. */
		Builder clock(Clock now) {
			this.clock = now;
			return this;
		}

		public HttpTransport build() {
			return new HttpTransport(this);
		}
	}
}
