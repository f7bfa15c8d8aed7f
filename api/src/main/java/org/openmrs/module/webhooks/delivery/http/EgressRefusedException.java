package org.openmrs.module.webhooks.delivery.http;

import java.io.IOException;

/**
 * Thrown from inside the connection path when the egress policy refuses the address about to be connected.
 * An {@link IOException} so that it travels through HttpClient unchanged; its message is safe to show.
 */
final class EgressRefusedException extends IOException {

	private static final long serialVersionUID = 1L;

	EgressRefusedException(String reason) {
		super(reason);
	}
}
