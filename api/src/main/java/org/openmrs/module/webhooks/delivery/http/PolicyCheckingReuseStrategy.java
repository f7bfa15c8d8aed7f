package org.openmrs.module.webhooks.delivery.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.Supplier;

import org.apache.hc.core5.http.ConnectionReuseStrategy;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * Keeps a connection for reuse only while the current egress policy still allows its remote address. The
 * guard runs when a connection is opened; without this, a pooled connection would outlive an operator's
 * new deny rule.
 */
final class PolicyCheckingReuseStrategy implements ConnectionReuseStrategy {

	private final Supplier<EgressPolicy> policy;

	PolicyCheckingReuseStrategy(Supplier<EgressPolicy> policy) {
		this.policy = policy;
	}

	@Override
	public boolean keepAlive(HttpRequest request, HttpResponse response, HttpContext context) {
		if (!DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context)) {
			return false;
		}
		EndpointDetails endpoint = context instanceof HttpCoreContext ? ((HttpCoreContext) context).getEndpointDetails()
		        : null;
		SocketAddress remote = endpoint == null ? null : endpoint.getRemoteAddress();
		if (!(remote instanceof InetSocketAddress) || ((InetSocketAddress) remote).getAddress() == null) {
			return false;
		}
		EgressPolicy current = policy.get();
		return current != null && current.refusalReason(((InetSocketAddress) remote).getAddress()) == null;
	}
}
