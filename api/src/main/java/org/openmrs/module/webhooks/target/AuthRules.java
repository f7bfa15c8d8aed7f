package org.openmrs.module.webhooks.target;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.model.TargetAuth;

/** The checks of {@code auth.*}, adding to the validator's error map. Never quotes a credential. */
final class AuthRules {

	private static final List<String> TYPES = Arrays.asList(TargetAuth.NONE, TargetAuth.BASIC, TargetAuth.BEARER,
	    TargetAuth.API_KEY);

	private final Map<String, String> errors;

	AuthRules(Map<String, String> errors) {
		this.errors = errors;
	}

	void check(TargetAuth auth) {
		String type = auth.getType();
		if (TargetAuth.BASIC.equals(type)) {
			String username = auth.getUsername();
			if (username == null || username.isEmpty()) {
				errors.put("auth.username", "is required for basic auth: give the receiver's user name");
			} else if (username.indexOf(':') >= 0) {
				errors.put("auth.username", "must not contain ':' (basic auth separates user name and password with"
				        + " it)");
			} else {
				checkCharacters("auth.username", username);
			}
			checkSecret("auth.password", auth.getPassword(), "the receiver's password");
		} else if (TargetAuth.BEARER.equals(type)) {
			checkSecret("auth.token", auth.getToken(), "the token the receiver expects after 'Bearer '");
		} else if (TargetAuth.API_KEY.equals(type)) {
			checkHeaderName(auth.getHeaderName());
			checkSecret("auth.value", auth.getValue(), "the API key");
		} else if (!TargetAuth.NONE.equals(type)) {
			errors.put("auth.type", (type == null ? "is required" : "'" + TargetValidator.shorten(type)
			        + "' is not an auth type") + ": use one of " + TYPES);
		}
	}

	private void checkHeaderName(String name) {
		if (name == null || name.isEmpty()) {
			errors.put("auth.headerName", "is required for apiKey auth: give the header the key goes in, e.g."
			        + " x-api-key for OpenFn");
		} else if (!HeaderRules.isToken(name)) {
			errors.put("auth.headerName", "is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~ only");
		} else if (HeaderRules.isReserved(name)) {
			errors.put("auth.headerName", "is set by the module itself: choose another header, e.g. x-api-key");
		}
	}

	private void checkSecret(String field, String value, String what) {
		if (value == null || value.isEmpty()) {
			errors.put(field, "is required: give " + what);
		} else {
			checkCharacters(field, value);
		}
	}

	private void checkCharacters(String field, String value) {
		if (value.length() > HeaderRules.MAX_VALUE_LENGTH) {
			errors.put(field, "is longer than " + HeaderRules.MAX_VALUE_LENGTH + " characters: shorten it");
		} else if (HeaderRules.hasControlCharacter(value)) {
			errors.put(field, "contains a line break or other control character: remove it");
		}
	}
}
