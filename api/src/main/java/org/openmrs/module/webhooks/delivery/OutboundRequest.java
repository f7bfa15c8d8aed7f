package org.openmrs.module.webhooks.delivery;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One POST to a target, ready to send: URL, headers in the order they are written ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}, auth, custom headers) and the body bytes. Immutable; header
 * values may be secrets, so {@link #toString()} shows none of them.
 */
public final class OutboundRequest {

	private final URI url;

	private final Map<String, String> headers;

	private final byte[] body;

	private final int timeoutSeconds;

	/** @param headers copied, order kept; @param body not copied: the caller hands it over */
	public OutboundRequest(URI url, Map<String, String> headers, byte[] body, int timeoutSeconds) {
		this.url = url;
		this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
		this.body = body;
		this.timeoutSeconds = timeoutSeconds;
	}

	public URI getUrl() {
		return url;
	}

	/** Never {@code null}; unmodifiable, insertion-ordered. */
	public Map<String, String> getHeaders() {
		return headers;
	}

	/** The body; do not modify. */
	public byte[] getBody() {
		return body;
	}

	public int getTimeoutSeconds() {
		return timeoutSeconds;
	}

	@Override
	public String toString() {
		return "OutboundRequest[" + body.length + " bytes]";
	}
}
