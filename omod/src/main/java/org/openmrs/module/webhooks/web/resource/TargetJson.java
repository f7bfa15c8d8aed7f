package org.openmrs.module.webhooks.web.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetFilters;
import org.openmrs.module.webhooks.model.TargetHealth;
import org.openmrs.module.webhooks.web.Iso;
import org.openmrs.module.webhooks.web.Reps;

/**
 * The JSON of a target (PRODUCT §6), property by property: the REST module asks the resource for each property
 * of a representation and this class answers. No signing secret ever appears; credentials and header values
 * are masked; {@code signing.newSecret} appears only on the object a save returned with a new secret.
 */
public final class TargetJson {

	static final List<String> REF = list("uuid", "display", "retired");

	static final List<String> DEFAULT = list("uuid", "display", "name", "description", "url", "enabled", "eventTypes",
	    "filters", "representation", "ordering", "batchSize", "maxConcurrency", "timeoutSeconds", "maxAttempts", "auth",
	    "headers", "signing", "health", "retired");

	static final List<String> FULL = concat(DEFAULT, list("retireReason", "dateCreated", "dateChanged"));

	/** What a create may set ({@code uuid} too, when given, as the REST module allows). */
	static final List<String> CREATABLE = list("name", "description", "url", "enabled", "eventTypes", "filters",
	    "representation", "ordering", "batchSize", "maxConcurrency", "timeoutSeconds", "maxAttempts", "auth", "headers",
	    "signing");

	/**
	 * What the resource tells the REST module a create may carry: {@link #CREATABLE} and {@code dateChanged}, which
	 * a create accepts and ignores (a target read with v=full may be posted as a new one).
	 */
	static final List<String> ACCEPTED_ON_CREATE = concat(CREATABLE, list("dateChanged"));

	/**
	 * An update may also set {@code retired} (false brings a retired target back) and send back the
	 * {@code dateChanged} it read (v=full): the save is then refused with 409 if the target changed since.
	 */
	static final List<String> UPDATABLE = concat(CREATABLE, list("retired", "dateChanged"));

	/**
	 * Read-only properties a client may post back unchanged or changed (a GET edited and posted whole): ignored
	 * rather than refused. The REST module drops these from a request body before it sets anything, so
	 * {@code dateChanged}, the version an update is checked against, must never be among them.
	 */
	static final List<String> IGNORED_ON_WRITE = list("health", "retireReason", "dateCreated");

	private TargetJson() {
	}

	/** The properties of {@code ref}, {@code default} or {@code full}, in order. */
	public static List<String> properties(String representation) {
		if (Reps.REF.equals(representation)) {
			return REF;
		}
		return Reps.FULL.equals(representation) ? FULL : DEFAULT;
	}

	/** The whole representation without the REST module's links, for responses built outside it. */
	public static Map<String, Object> represent(WebhookTarget target, String representation) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		for (String property : properties(representation)) {
			json.put(property, get(target, property));
		}
		return json;
	}

	/** @throws IllegalArgumentException for a property the resource does not have */
	public static Object get(WebhookTarget wrapper, String property) {
		Target t = wrapper.getTarget();
		switch (property) {
			case "uuid":
				return t.getUuid();
			case "display":
				return t.getName();
			case "name":
				return t.getName();
			case "description":
				return t.getDescription();
			case "url":
				return t.getUrl();
			case "enabled":
				return t.isEnabled();
			case "eventTypes":
				return new ArrayList<String>(t.getEventTypes());
			case "filters":
				return filters(t.getFilters());
			case "representation":
				return t.getRepresentation();
			case "ordering":
				return t.getOrdering();
			case "batchSize":
				return t.getBatchSize();
			case "maxConcurrency":
				return t.getMaxConcurrency();
			case "timeoutSeconds":
				return t.getTimeoutSeconds();
			case "maxAttempts":
				return t.getMaxAttempts();
			case "auth":
				return auth(t.getAuth());
			case "headers":
				return headers(t.getHeaders());
			case "signing":
				return signing(t, wrapper.getNewSecret());
			case "health":
				return health(t.getHealth());
			case "retired":
				return t.isRetired();
			case "retireReason":
				return t.getRetireReason();
			case "dateCreated":
				return Iso.format(t.getDateCreated());
			case "dateChanged":
				return Iso.format(t.getDateChanged());
			default:
				throw new IllegalArgumentException("webhooktarget has no property " + property);
		}
	}

	static Map<String, Object> filters(TargetFilters f) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		json.put("encounterTypes", new ArrayList<String>(f.getEncounterTypes()));
		json.put("visitTypes", new ArrayList<String>(f.getVisitTypes()));
		json.put("concepts", new ArrayList<String>(f.getConcepts()));
		json.put("locations", new ArrayList<String>(f.getLocations()));
		json.put("forms", new ArrayList<String>(f.getForms()));
		return json;
	}

	/** The type and the fields that type uses; secret ones masked. */
	static Map<String, Object> auth(TargetAuth auth) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		String type = auth.getType() == null ? TargetAuth.NONE : auth.getType();
		json.put("type", type);
		if (TargetAuth.BASIC.equals(type)) {
			json.put("username", auth.getUsername());
			json.put("password", Masks.mask(auth.getPassword()));
		} else if (TargetAuth.BEARER.equals(type)) {
			json.put("token", Masks.mask(auth.getToken()));
		} else if (TargetAuth.API_KEY.equals(type)) {
			json.put("headerName", auth.getHeaderName());
			json.put("value", Masks.mask(auth.getValue()));
		}
		return json;
	}

	static Map<String, Object> headers(Map<String, String> headers) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		for (Map.Entry<String, String> h : headers.entrySet()) {
			json.put(h.getKey(), Masks.mask(h.getValue()));
		}
		return json;
	}

	/** Whether signing is on, how many secrets sign and when they were made and expire; never a secret. */
	static Map<String, Object> signing(Target t, String newSecret) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		json.put("enabled", t.isSigningEnabled());
		List<Map<String, Object>> secrets = new ArrayList<Map<String, Object>>();
		for (SigningSecret s : t.getSigningSecrets()) {
			Map<String, Object> one = new LinkedHashMap<String, Object>();
			one.put("createdAt", Iso.format(s.getCreatedAt()));
			one.put("expiresAt", Iso.format(s.getExpiresAt()));
			secrets.add(one);
		}
		json.put("secretCount", secrets.size());
		json.put("secrets", secrets);
		if (newSecret != null) {
			json.put("newSecret", newSecret);
		}
		return json;
	}

	static Map<String, Object> health(TargetHealth h) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		json.put("state", h.getState() == null ? null : h.getState().restName());
		json.put("consecutiveFailures", h.getConsecutiveFailures());
		json.put("lastSuccessAt", Iso.format(h.getLastSuccessAt()));
		json.put("lastFailureAt", Iso.format(h.getLastFailureAt()));
		json.put("failingSince", Iso.format(h.getFailingSince()));
		json.put("lastError", h.getLastError());
		json.put("pausedUntil", Iso.format(h.getPausedUntil()));
		return json;
	}

	private static List<String> list(String... names) {
		return Collections.unmodifiableList(Arrays.asList(names));
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<String>(a);
		all.addAll(b);
		return Collections.unmodifiableList(all);
	}
}
