package org.openmrs.module.webhooks.web.resource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetFilters;
import org.openmrs.module.webhooks.web.Iso;
import org.openmrs.module.webhooks.web.resource.JsonValues.Invalid;

/**
 * Applies one posted property of a target. Values of the wrong shape are recorded on the {@link WebhookTarget}
 * (field → message) and the save refuses them all at once; whether values are acceptable (a valid URL, known
 * event types …) is the service's call when it saves.
 *
 * <p>Nested objects merge: {@code filters}, {@code auth} and {@code signing} keys that are sent replace, keys
 * left out keep their value. {@code headers} is replaced as a whole. A secret sent back masked or {@code null}
 * keeps its stored value (the service sees to that).
 */
final class TargetWriter {

	private static final Set<String> AUTH_KEYS = new HashSet<String>(
	        Arrays.asList("type", "username", "password", "token", "headerName", "value"));

	/** What GET shows under {@code signing} besides {@code enabled}: read-only, ignored when posted back. */
	private static final Set<String> SIGNING_READ_ONLY = new HashSet<String>(
	        Arrays.asList("secretCount", "secrets", "newSecret"));

	private TargetWriter() {
	}

	static void set(WebhookTarget wrapper, String property, Object value) {
		try {
			apply(wrapper, property, value);
		}
		catch (Invalid e) {
			wrapper.rejectInput(property, e.getMessage());
		}
	}

	private static void apply(WebhookTarget wrapper, String property, Object value) throws Invalid {
		Target t = wrapper.getTarget();
		switch (property) {
			case "uuid":
				t.setUuid(JsonValues.string(value));
				break;
			case "name":
				t.setName(trimmed(JsonValues.string(value)));
				break;
			case "description":
				t.setDescription(JsonValues.string(value));
				break;
			case "url":
				t.setUrl(trimmed(JsonValues.string(value)));
				break;
			case "enabled":
				t.setEnabled(JsonValues.bool(value));
				break;
			case "eventTypes":
				t.setEventTypes(JsonValues.strings(value));
				break;
			case "filters":
				filters(wrapper, JsonValues.object(value));
				break;
			case "representation":
				t.setRepresentation(JsonValues.string(value));
				break;
			case "ordering":
				t.setOrdering(JsonValues.string(value));
				break;
			case "batchSize":
				t.setBatchSize(JsonValues.integer(value));
				break;
			case "maxConcurrency":
				t.setMaxConcurrency(JsonValues.integer(value));
				break;
			case "timeoutSeconds":
				t.setTimeoutSeconds(JsonValues.integer(value));
				break;
			case "maxAttempts":
				t.setMaxAttempts(JsonValues.integer(value));
				break;
			case "auth":
				auth(wrapper, JsonValues.object(value));
				break;
			case "headers":
				headers(wrapper, JsonValues.object(value));
				break;
			case "signing":
				signing(wrapper, JsonValues.object(value));
				break;
			case "retired":
				wrapper.setRetiredRequested(JsonValues.bool(value));
				break;
			case "dateChanged":
				// the version of the target read; a new target has none (the create ignores it)
				if (t.getId() != null) {
					t.setDateChanged(version(value));
				}
				break;
			default:
				if (!TargetJson.IGNORED_ON_WRITE.contains(property)) {
					throw new Invalid("is not a property of webhooktarget");
				}
		}
	}

	private static void filters(WebhookTarget wrapper, Map<String, Object> json) {
		TargetFilters f = wrapper.getTarget().getFilters();
		if (json == null) {
			wrapper.getTarget().setFilters(null);
			return;
		}
		for (Map.Entry<String, Object> e : json.entrySet()) {
			String field = "filters." + e.getKey();
			try {
				switch (e.getKey()) {
					case "encounterTypes":
						f.setEncounterTypes(JsonValues.uuids(e.getValue()));
						break;
					case "visitTypes":
						f.setVisitTypes(JsonValues.uuids(e.getValue()));
						break;
					case "concepts":
						f.setConcepts(JsonValues.uuids(e.getValue()));
						break;
					case "locations":
						f.setLocations(JsonValues.uuids(e.getValue()));
						break;
					case "forms":
						f.setForms(JsonValues.uuids(e.getValue()));
						break;
					default:
						wrapper.rejectInput(field, "is not a filter (encounterTypes, visitTypes, concepts, locations, forms)");
				}
			}
			catch (Invalid invalid) {
				wrapper.rejectInput(field, invalid.getMessage());
			}
		}
	}

	private static void auth(WebhookTarget wrapper, Map<String, Object> json) {
		TargetAuth auth = wrapper.getTarget().getAuth();
		if (json == null) {
			wrapper.getTarget().setAuth(null);
			return;
		}
		for (Map.Entry<String, Object> e : json.entrySet()) {
			String field = "auth." + e.getKey();
			if (!AUTH_KEYS.contains(e.getKey())) {
				wrapper.rejectInput(field, "is not an auth property (type, username, password, token, headerName, value)");
				continue;
			}
			try {
				String value = JsonValues.string(e.getValue());
				if ("type".equals(e.getKey())) {
					auth.setType(value);
				} else if ("username".equals(e.getKey())) {
					auth.setUsername(value);
				} else if ("password".equals(e.getKey())) {
					auth.setPassword(value);
				} else if ("token".equals(e.getKey())) {
					auth.setToken(value);
				} else if ("headerName".equals(e.getKey())) {
					auth.setHeaderName(trimmed(value));
				} else {
					auth.setValue(value);
				}
			}
			catch (Invalid invalid) {
				wrapper.rejectInput(field, invalid.getMessage());
			}
		}
	}

	private static void headers(WebhookTarget wrapper, Map<String, Object> json) {
		Map<String, String> headers = new LinkedHashMap<String, String>();
		if (json != null) {
			for (Map.Entry<String, Object> e : json.entrySet()) {
				try {
					headers.put(e.getKey().trim(), JsonValues.string(e.getValue()));
				}
				catch (Invalid invalid) {
					wrapper.rejectInput("headers." + e.getKey(), invalid.getMessage());
				}
			}
		}
		wrapper.getTarget().setHeaders(headers);
	}

	private static void signing(WebhookTarget wrapper, Map<String, Object> json) throws Invalid {
		if (json == null) {
			throw new Invalid("must be an object such as {\"enabled\": true}");
		}
		for (Map.Entry<String, Object> e : json.entrySet()) {
			if ("enabled".equals(e.getKey())) {
				try {
					wrapper.getTarget().setSigningEnabled(JsonValues.bool(e.getValue()));
				}
				catch (Invalid invalid) {
					wrapper.rejectInput("signing.enabled", invalid.getMessage());
				}
			} else if (!SIGNING_READ_ONLY.contains(e.getKey())) {
				wrapper.rejectInput("signing." + e.getKey(), "is not a signing property (enabled)");
			}
		}
	}

	/** {@code dateChanged} as read (v=full); {@code null} asks for no check. */
	private static long version(Object value) throws Invalid {
		String text = JsonValues.string(value);
		if (text == null || text.trim().isEmpty()) {
			return 0;
		}
		try {
			return Iso.parse(text);
		}
		catch (IllegalArgumentException e) {
			throw new Invalid("must be the dateChanged read from the target (v=full), such as"
			        + " 2026-11-27T09:05:01.123+0000");
		}
	}

	private static String trimmed(String value) {
		return value == null ? null : value.trim();
	}
}
