package org.openmrs.module.webhooks.delivery;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One POST to send: where, which headers, which bytes, how long to wait. Immutable.
 * <p>
 * The headers are sent in insertion order and already include {@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}, authentication and custom headers; {@code Content-Type} and {@code User-Agent}
 * are the transport's own. Header values are secrets as far as logs go: {@link #toString()} names only the
 * host.
 */
public final class OutboundRequest {

	private final URI url;

	private final Map<String, String> headers;

	private final byte[] body;

	private final int timeoutSeconds;

	private OutboundRequest(Builder builder) {
		this.url = builder.url;
		this.headers = Collections.unmodifiableMap(new LinkedHashMap<String, String>(builder.headers));
		this.body = builder.body.clone();
		this.timeoutSeconds = builder.timeoutSeconds;
	}

	/** Starts a request to {@code url} (not {@code null}) with an empty body and a 30 s timeout. */
	public static Builder builder(URI url) {
		return new Builder(url);
	}

	/** Never {@code null}. */
	public URI getUrl() {
		return url;
	}

	/** Insertion-ordered and unmodifiable; never {@code null}. */
	public Map<String, String> getHeaders() {
		return headers;
	}

	/** A copy of the body; never {@code null}. */
	public byte[] getBody() {
		return body.clone();
	}

	public int getBodyLength() {
		return body.length;
	}

	/**
	 * Bounds the whole send: waiting for a pooled connection, connecting, and the complete response (headers
	 * and body), give or take a fraction of a second; at least 1.
	 */
	public int getTimeoutSeconds() {
		return timeoutSeconds;
	}

	/** Host and sizes only: the path, query, headers and body may carry secrets or patient data. */
	@Override
	public String toString() {
		return "OutboundRequest[host=" + url.getHost() + ", headers=" + headers.size() + ", bodyBytes=" + body.length
		        + ", timeoutSeconds=" + timeoutSeconds + "]";
	}

	/** Collects the parts of a request; not thread-safe. */
	public static final class Builder {

		private final URI url;

		private final Map<String, String> headers = new LinkedHashMap<String, String>();

		private byte[] body = new byte[0];

		private int timeoutSeconds = 30;

		private Builder(URI url) {
			if (url == null) {
				throw new IllegalArgumentException("url is required");
			}
			this.url = url;
		}

		/** Adds (or replaces) one header; name and value not {@code null}. */
		public Builder header(String name, String value) {
			if (name == null || value == null) {
				throw new IllegalArgumentException("header name and value are required");
			}
			headers.put(name, value);
			return this;
		}

		/** Adds every entry of {@code values} in its iteration order. */
		public Builder headers(Map<String, String> values) {
			for (Map.Entry<String, String> entry : values.entrySet()) {
				header(entry.getKey(), entry.getValue());
			}
			return this;
		}

		/** The body bytes (copied); not {@code null}. */
		public Builder body(byte[] bytes) {
			if (bytes == null) {
				throw new IllegalArgumentException("body is required (may be empty)");
			}
			this.body = Arrays.copyOf(bytes, bytes.length);
			return this;
		}

		/** At least 1. */
		public Builder timeoutSeconds(int seconds) {
			if (seconds < 1) {
				throw new IllegalArgumentException("timeoutSeconds must be at least 1, was " + seconds);
			}
			this.timeoutSeconds = seconds;
			return this;
		}

		public OutboundRequest build() {
			return new OutboundRequest(this);
		}
	}
}
