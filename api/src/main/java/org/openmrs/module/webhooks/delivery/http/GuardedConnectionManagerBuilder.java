package org.openmrs.module.webhooks.delivery.http;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;

/**
 * The standard pooling connection manager, except that every socket comes from our guarded factory: the
 * builder's protected hook is the one place HttpClient lets the plain socket be chosen.
 */
final class GuardedConnectionManagerBuilder extends PoolingHttpClientConnectionManagerBuilder {

	private final DetachedSocketFactory sockets;

	GuardedConnectionManagerBuilder(DetachedSocketFactory sockets) {
		this.sockets = sockets;
	}

	@Override
	protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
	        TlsSocketStrategy tls) {
		return new DefaultHttpClientConnectionOperator(sockets, ports, dns,
		        RegistryBuilder.<TlsSocketStrategy> create().register(URIScheme.HTTPS.id, tls).build());
	}
}
