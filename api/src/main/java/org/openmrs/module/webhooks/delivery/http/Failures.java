package org.openmrs.module.webhooks.delivery.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.openmrs.module.webhooks.delivery.FailureKind;

/**
 * Turns what went wrong into a {@link FailureKind} and a short text for the delivery log. The text is built
 * from the host, the timeout and exception class names; exception messages are used only where they come
 * from the network stack or TLS (never from our request), and the caller still scrubs header values.
 */
final class Failures {

	private static final int MAX_DETAIL_CHARS = 200;

	private Failures() {
	}

	/** A kind and its text. */
	static final class Failure {

		final FailureKind kind;

		final String error;

		Failure(FailureKind kind, String error) {
			this.kind = kind;
			this.error = error;
		}
	}

	/**
	 * @param deadlinePassed whether the whole-send deadline fired (its abort shows up as a mere "socket closed")
	 * @param hostAndPort for the text, e.g. {@code example.org:443}
	 */
	static Failure classify(IOException failure, boolean deadlinePassed, int timeoutSeconds, String hostAndPort) {
		EgressRefusedException refused = find(failure, EgressRefusedException.class);
		if (refused != null) {
			return new Failure(FailureKind.EGRESS_REFUSED, refused.getMessage());
		}
		if (deadlinePassed) {
			return new Failure(FailureKind.TIMEOUT, "no complete response within " + timeoutSeconds + " s");
		}
		if (find(failure, ConnectTimeoutException.class) != null) {
			return new Failure(FailureKind.TIMEOUT, "connect to " + hostAndPort + " timed out after " + timeoutSeconds + " s");
		}
		if (find(failure, ConnectionRequestTimeoutException.class) != null) {
			return new Failure(FailureKind.TIMEOUT,
			        "no free connection within " + timeoutSeconds + " s (all pooled connections busy)");
		}
		if (find(failure, SocketTimeoutException.class) != null) {
			return new Failure(FailureKind.TIMEOUT, "no response within " + timeoutSeconds + " s");
		}
		if (find(failure, UnknownHostException.class) != null) {
			return new Failure(FailureKind.CONNECT, "could not resolve host " + host(hostAndPort));
		}
		IOException unreachable = firstOf(failure, ConnectException.class, NoRouteToHostException.class,
		    PortUnreachableException.class);
		if (unreachable != null) {
			return new Failure(FailureKind.CONNECT, "could not connect to " + hostAndPort + ": " + rootDetail(failure));
		}
		if (find(failure, SSLException.class) != null) {
			return new Failure(FailureKind.TLS, "TLS handshake with " + hostAndPort + " failed: " + rootDetail(failure));
		}
		return new Failure(FailureKind.IO, "I/O error talking to " + hostAndPort + ": " + failure.getClass().getSimpleName()
		        + (failure.getMessage() == null ? "" : " (" + shorten(failure.getMessage()) + ")"));
	}

	private static String host(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
	}

	private static String rootDetail(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return message == null ? root.getClass().getSimpleName() : shorten(message);
	}

	private static String shorten(String text) {
		return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "…";
	}

	@SafeVarargs
	private static IOException firstOf(Throwable failure, Class<? extends IOException>... types) {
		for (Class<? extends IOException> type : types) {
			IOException found = find(failure, type);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static <T> T find(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}
}
