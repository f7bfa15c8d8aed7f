package org.openmrs.module.webhooks.delivery.http;

import java.net.URI;
import java.util.Locale;

/** The checks a URL must pass before any connection, and the host text used in messages. Stateless. */
final class TargetUrl {

	private TargetUrl() {
	}

	/** Why {@code url} cannot be used at all, or {@code null}. The text never repeats the URL. */
	static String problem(URI url) {
		if (url == null) {
			return "no URL";
		}
		if (!url.isAbsolute() || url.isOpaque()) {
			return "the URL must be absolute, like https://example.org/hook";
		}
		String scheme = scheme(url);
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			return "unsupported URL scheme '" + scheme + "'; use https://";
		}
		if (url.getRawUserInfo() != null) {
			// Never sent (and never repeated here): credentials belong in the target's authentication settings.
			return "the URL must not contain credentials; use the target's authentication settings";
		}
		if (url.getHost() == null || url.getHost().isEmpty()) {
			return "the URL has no valid host";
		}
		return null;
	}

	/** Lower-case scheme; only call after {@link #problem(URI)} returned {@code null} or on an absolute URL. */
	static String scheme(URI url) {
		return url.getScheme().toLowerCase(Locale.ROOT);
	}

	/** {@code host:port} with the scheme's default port filled in, for messages. */
	static String hostAndPort(URI url) {
		int port = url.getPort() >= 0 ? url.getPort() : "https".equals(scheme(url)) ? 443 : 80;
		return url.getHost() + ":" + port;
	}
}
