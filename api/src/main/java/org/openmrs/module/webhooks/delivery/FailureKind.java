package org.openmrs.module.webhooks.delivery;

/** Why a send produced no HTTP response; {@link #NONE} when one arrived (whatever its status). */
public enum FailureKind {

	/** A response arrived; look at its status code. */
	NONE,

	/** No (complete) response within the timeout: connect, response headers, or the free-connection wait. */
	TIMEOUT,

	/** Connection refused, host unreachable, or the host name did not resolve. */
	CONNECT,

	/** The TLS handshake failed: untrusted certificate, wrong host name, no common protocol. */
	TLS,

	/** The egress policy forbids the scheme or the resolved address; nothing was sent. */
	EGRESS_REFUSED,

	/** The URL cannot be used at all (no host, unsupported scheme, credentials in it); nothing was sent. */
	INVALID_URL,

	/** Any other I/O or protocol failure (connection reset, malformed response …). */
	IO
}
