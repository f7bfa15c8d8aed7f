package org.openmrs.module.webhooks.target;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** What a header name and value may be (RFC 7230), and which names the module sets itself. */
final class HeaderRules {

	/** Set by the module or the HTTP client on every request, or hop-by-hop: a target may not override them. */
	private static final Set<String> RESERVED = Collections.unmodifiableSet(new HashSet<>(Arrays.asList("content-type",
	    "content-length", "host", "user-agent", "webhook-id", "webhook-timestamp", "webhook-signature", "connection",
	    "transfer-encoding", "keep-alive", "upgrade", "te", "trailer", "expect", "proxy-authorization",
	    "proxy-connection")));

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	static final int MAX_VALUE_LENGTH = 4096;

	private HeaderRules() {
	}

	/** An RFC 7230 token: letters, digits and {@code !#$%&'*+-.^_`|~}, at least one. */
	static boolean isToken(String name) {
		if (name == null || name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean alnum = c < 128 && Character.isLetterOrDigit(c);
			if (!alnum && TOKEN_SYMBOLS.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	static boolean isReserved(String name) {
		return RESERVED.contains(name.toLowerCase(Locale.ROOT));
	}

	/** Whether the value holds CR, LF or another control character (horizontal tab is allowed). */
	static boolean hasControlCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				return true;
			}
		}
		return false;
	}
}
