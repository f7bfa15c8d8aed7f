package org.openmrs.module.webhooks.delivery.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * Creates the plain sockets every connection (HTTP, and HTTPS before its TLS layer) is made on, each checking
 * the egress policy against the exact address it is asked to connect to. This is the last point before
 * packets leave, after DNS resolution and whatever the resolver returned, so neither a rebinding name nor an
 * odd literal can slip past it.
 */
final class GuardedSocketFactory implements DetachedSocketFactory {

	private final Supplier<EgressPolicy> policy;

	GuardedSocketFactory(Supplier<EgressPolicy> policy) {
		this.policy = policy;
	}

	@Override
	public Socket create(Proxy proxy) throws IOException {
		if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
			// Through a proxy the connected address would be the proxy's, and the guard would check the wrong thing.
			throw new EgressRefusedException("egress refused: connecting through a proxy is not supported");
		}
		return new GuardedSocket(policy);
	}

	/** A socket that refuses to connect where the policy says no. */
	static final class GuardedSocket extends Socket {

		private final Supplier<EgressPolicy> policy;

		GuardedSocket(Supplier<EgressPolicy> policy) {
			this.policy = policy;
		}

		@Override
		public void connect(SocketAddress endpoint) throws IOException {
			connect(endpoint, 0);
		}

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			check(endpoint);
			super.connect(endpoint, timeout);
		}

		private void check(SocketAddress endpoint) throws IOException {
			if (!(endpoint instanceof InetSocketAddress)) {
				throw new EgressRefusedException("egress refused: not an IP socket address");
			}
			InetSocketAddress target = (InetSocketAddress) endpoint;
			if (target.isUnresolved()) {
				// The resolver gave nothing usable; never let the JDK resolve it again behind the guard's back.
				close();
				throw new UnknownHostException(target.getHostString());
			}
			DeadlineTimer.Deadline deadline = DeadlineTimer.current();
			if (deadline != null && deadline.hasPassed()) {
				close();
				throw new InterruptedIOException("the send deadline passed before connecting");
			}
			EgressPolicy current = policy.get();
			String refusal = current == null ? "egress refused: the egress policy could not be read"
			        : current.refusalReason(target.getAddress());
			if (refusal != null) {
				close();
				throw new EgressRefusedException(refusal);
			}
		}
	}
}
