package org.openmrs.module.webhooks.delivery;

import java.io.Closeable;

/**
 * Sends one notification over the wire. The engine decides what to send and what an outcome means; the
 * transport only reports what happened.
 */
public interface Transport extends Closeable {

	/**
	 * Sends one POST and waits for the answer (or for {@link OutboundRequest#getTimeoutSeconds()} to pass).
	 * <p>
	 * Never throws for HTTP or network outcomes: refused connections, timeouts, TLS failures, egress refusals
	 * and invalid URLs all come back in the result. Thread-safe. Blocks the calling thread for the duration of
	 * the call, so it must never be called inside a database transaction.
	 *
	 * @param request not {@code null}
	 * @return never {@code null}
	 */
	TransportResult send(OutboundRequest request);
}
