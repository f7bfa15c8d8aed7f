package org.openmrs.module.webhooks.target;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a receiver URL at save time. Messages never quote the URL: receivers such as OpenFn put a secret
 * trigger id in it. (Where the URL's host resolves to is checked again at connection time by the egress guard.)
 */
final class UrlRules {

	static final int MAX_LENGTH = 2048;

	private UrlRules() {
	}

	/** @return what is wrong and how to fix it, or {@code null} when the URL is fine */
	static String problem(String url, boolean allowHttp) {
		if (url == null || url.trim().isEmpty()) {
			return "is required: give the receiver's address, e.g. https://receiver.example.org/webhook";
		}
		if (url.length() > MAX_LENGTH) {
			return "is longer than " + MAX_LENGTH + " characters: shorten it";
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException e) {
			return "is not a valid URL: check it for spaces or characters that need percent-encoding";
		}
		String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme == null || !uri.isAbsolute() || uri.isOpaque()) {
			return "must be an absolute URL such as https://receiver.example.org/webhook";
		}
		if (!"https".equals(scheme) && !"http".equals(scheme)) {
			return "must start with https:// (or http:// where the installation allows it); other schemes are not"
			        + " supported";
		}
		if (uri.getRawUserInfo() != null) {
			return "must not contain a user name or password: remove them from the URL and set auth (basic, bearer"
			        + " or apiKey) instead";
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			return "has no valid host name: give one such as receiver.example.org (letters, digits, hyphens and dots)";
		}
		if ("http".equals(scheme) && !allowHttp) {
			return "uses plain http://, which this installation does not allow: use https://, or have an administrator"
			        + " set the global property webhooks.egress.allowHttp to true";
		}
		return null;
	}
}
