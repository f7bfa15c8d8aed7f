package org.openmrs.module.webhooks.delivery.http;

import java.io.IOException;
import java.util.function.Supplier;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.openmrs.module.webhooks.ModuleThreads;

/**
 * The configured HttpClient and its connection pool: every socket guarded, redirects never followed, no
 * automatic retries (the engine retries on its own schedule), no cookies, auth caching, compression or
 * connection state, idle and expired connections evicted (by a daemon thread {@code webhooks-http-evictor}, from
 * construction, or {@link #startEvictor()}, to {@link #stopEvictor()} or {@link #close()}). Thread-safe.
 */
final class PooledClient {

	private final PoolingHttpClientConnectionManager connections;

	private final CloseableHttpClient client;

	/** {@code null} while stopped; guarded by {@code this}. */
	private IdleConnectionEvictor evictor;

	/**
	 * @param tlsStrategy {@code null} for the JVM's default trust and host name verification
	 */
	PooledClient(Supplier<EgressPolicy> policy, DnsResolver dnsResolver, TlsSocketStrategy tlsStrategy, int maxTotal,
	    int maxPerRoute, String userAgent) {
		connections = new GuardedConnectionManagerBuilder(new GuardedSocketFactory(policy)).setDnsResolver(dnsResolver)
		        .setTlsSocketStrategy(tlsStrategy).setMaxConnTotal(maxTotal).setMaxConnPerRoute(maxPerRoute)
		        .setDefaultConnectionConfig(ConnectionConfig.custom()
		                // Check a connection idle this long before reuse: with retries off, a stale one is a failed attempt.
		                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
		                // Re-resolve and re-check now and then, so a connection does not pin an old DNS answer for ever.
		                .setTimeToLive(TimeValue.ofMinutes(5)).build())
		        .build();
		client = HttpClients.custom().setConnectionManager(connections)
		        .setConnectionReuseStrategy(new PolicyCheckingReuseStrategy(policy)).disableRedirectHandling()
		        .disableAutomaticRetries().disableCookieManagement().disableAuthCaching().disableContentCompression()
		        .disableConnectionState().setUserAgent(userAgent)
		        .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setExpectContinueEnabled(false)
		                .setProtocolUpgradeEnabled(false).build())
		        .build();
		startEvictor();
	}

	/** Starts the eviction thread unless it runs. */
	synchronized void startEvictor() {
		if (evictor == null) {
			// HttpClient's own evictor (evictIdleConnections) would run on a thread named "idle-connection-evictor-…"
			evictor = new IdleConnectionEvictor(connections, ModuleThreads.factory("webhooks-http-evictor"),
			        TimeValue.ofSeconds(30), TimeValue.ofSeconds(30));
			evictor.start();
		}
	}

	/**
	 * Ends the eviction thread, waiting (boundedly) until it has ended, and closes the idle connections, which no
	 * thread would evict any more. The pool still serves sends.
	 */
	void stopEvictor() {
		IdleConnectionEvictor stopping;
		synchronized (this) {
			stopping = evictor;
			evictor = null;
		}
		if (stopping != null) {
			stopping.shutdown();
			try {
				stopping.awaitTermination(Timeout.ofSeconds(5));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		dropIdleConnections();
	}

	/** Sends {@code post} and returns once the response head is in; the caller reads and closes the response. */
	ClassicHttpResponse open(HttpPost post) throws IOException {
		return client.executeOpen(null, post, HttpClientContext.create());
	}

	/** Closes every pooled connection not in use, so the next sends connect (and are checked) afresh. */
	void dropIdleConnections() {
		connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
	}

	/** Shuts the pool and its eviction thread down; a send still in flight fails. */
	void close() {
		stopEvictor();
		client.close(CloseMode.GRACEFUL);
	}
}
