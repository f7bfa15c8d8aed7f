package org.openmrs.module.webhooks.delivery;

import java.io.Closeable;

/**
 * Sends one HTTP request to a target. Implementations are thread-safe and never throw for HTTP or network
 * outcomes: every outcome, including refused egress and invalid URLs, comes back as a {@link TransportResult}.
 * Never called inside a database transaction.
 */
public interface Transport extends Closeable {

	/** @param request never {@code null}; @return never {@code null} */
	TransportResult send(OutboundRequest request);
}
