package org.openmrs.module.webhooks.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal real HTTP transport for tests (until the HttpClient 5 transport is merged): the JDK's
 * HttpURLConnection, keep-alive, no redirects, first 4 KB of the response kept.
 */
final class UrlConnectionTransport implements Transport {

	@Override
	public TransportResult send(OutboundRequest request) {
		long start = System.nanoTime();
		HttpURLConnection c = null;
		try {
			c = (HttpURLConnection) request.getUrl().toURL().openConnection();
			c.setInstanceFollowRedirects(false);
			c.setConnectTimeout(request.getTimeoutSeconds() * 1000);
			c.setReadTimeout(request.getTimeoutSeconds() * 1000);
			c.setRequestMethod("POST");
			c.setDoOutput(true);
			c.setRequestProperty("Content-Type", "application/json");
			c.setRequestProperty("User-Agent", "openmrs-webhooks-test");
			for (Map.Entry<String, String> h : request.getHeaders().entrySet()) {
				c.setRequestProperty(h.getKey(), h.getValue());
			}
			// no streaming mode: headers and body then leave in one write (no Nagle / delayed-ACK stall)
			try (OutputStream out = c.getOutputStream()) {
				out.write(request.getBody());
			}
			int status = c.getResponseCode();
			String excerpt = read(status >= 400 ? c.getErrorStream() : c.getInputStream());
			String retryAfter = c.getHeaderField("Retry-After");
			Long ra = null;
			if (retryAfter != null) {
				try {
					ra = Long.parseLong(retryAfter.trim());
				}
				catch (NumberFormatException ignored) {
					ra = null;
				}
			}
			return new TransportResult(status, millis(start), excerpt, ra, TransportResult.FailureKind.NONE, null);
		}
		catch (SocketTimeoutException e) {
			return new TransportResult(null, millis(start), null, null, TransportResult.FailureKind.TIMEOUT, "timeout");
		}
		catch (ConnectException e) {
			return new TransportResult(null, millis(start), null, null, TransportResult.FailureKind.CONNECT, "refused");
		}
		catch (IOException e) {
			return new TransportResult(null, millis(start), null, null, TransportResult.FailureKind.IO,
			        e.getClass().getSimpleName());
		}
	}

	private static String read(InputStream in) throws IOException {
		if (in == null) {
			return null;
		}
		try (InputStream s = in) {
			byte[] all = s.readAllBytes();
			String text = new String(all, StandardCharsets.UTF_8);
			return text.length() > 4096 ? text.substring(0, 4096) : text;
		}
	}

	private static long millis(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	@Override
	public void close() {
	}
}
