package org.openmrs.module.webhooks.target;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.model.EventTypes;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetFilters;

/**
 * Checks a target before it is saved and reports every invalid field at once, keyed as the REST API spells it
 * ({@code url}, {@code eventTypes[2]}, {@code filters.concepts[0]}, {@code auth.headerName},
 * {@code headers.X-Name} …), each with what is wrong and how to fix it. Messages never quote a secret value nor
 * the URL. Thread-safe; no side effects besides reading the "allow http" setting once per call.
 */
public final class TargetValidator {

	static final int MAX_NAME = 255;

	static final int MAX_DESCRIPTION = 1024;

	static final int MAX_HEADERS = 20;

	/** OpenMRS uuids are 36 to 38 characters; older metadata uses shorter ids of the same alphabet. */
	private static final Pattern UUID_LIKE = Pattern.compile("[A-Za-z0-9-]{1,38}");

	private static final Pattern SIGNING_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/]+={0,2}");

	private static final List<String> REPRESENTATIONS = Arrays.asList("none", "ref", "default", "full");

	private static final List<String> ORDERINGS = Arrays.asList(Target.ORDERING_PER_PATIENT, Target.ORDERING_NONE);

	private final BooleanSupplier allowHttp;

	/** @param allowHttp the global property {@code webhooks.egress.allowHttp}, read on each validation */
	public TargetValidator(BooleanSupplier allowHttp) {
		this.allowHttp = allowHttp;
	}

	/**
	 * @param target with secrets in clear, as it is about to be stored
	 * @throws TargetValidationException naming every invalid field
	 */
	public void validate(Target target) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (target.getUuid() != null && !UUID_LIKE.matcher(target.getUuid()).matches()) {
			errors.put("uuid", "must be 1 to 38 letters, digits or hyphens; leave it out to get a new one");
		}
		checkText(errors, "name", target.getName(), true, MAX_NAME, "give the target a name, e.g. OpenFn LIME");
		checkText(errors, "description", target.getDescription(), false, MAX_DESCRIPTION, null);
		String urlProblem = UrlRules.problem(target.getUrl(), allowHttp.getAsBoolean());
		if (urlProblem != null) {
			errors.put("url", urlProblem);
		}
		checkEventTypes(errors, target.getEventTypes());
		checkFilters(errors, target.getFilters());
		checkChoice(errors, "representation", target.getRepresentation(), REPRESENTATIONS);
		checkChoice(errors, "ordering", target.getOrdering(), ORDERINGS);
		checkRange(errors, "batchSize", target.getBatchSize(), 1, 100);
		checkRange(errors, "maxConcurrency", target.getMaxConcurrency(), 1, 64);
		checkRange(errors, "timeoutSeconds", target.getTimeoutSeconds(), 1, 120);
		checkRange(errors, "maxAttempts", target.getMaxAttempts(), 1, 20);
		new AuthRules(errors).check(target.getAuth());
		checkHeaders(errors, target);
		checkSigningSecrets(errors, target.getSigningSecrets());
		if (!errors.isEmpty()) {
			throw new TargetValidationException(errors);
		}
	}

	private static void checkText(Map<String, String> errors, String field, String value, boolean required, int max,
	        String example) {
		if (value == null || value.trim().isEmpty()) {
			if (required) {
				errors.put(field, "is required: " + example);
			}
		} else if (value.length() > max) {
			errors.put(field, "is longer than " + max + " characters (" + value.length() + "): shorten it");
		}
	}

	private static void checkEventTypes(Map<String, String> errors, List<String> eventTypes) {
		if (eventTypes.isEmpty()) {
			errors.put("eventTypes", "choose at least one event type, e.g. patient.created, a pattern such as"
			        + " encounter.*, or * for all");
			return;
		}
		for (int i = 0; i < eventTypes.size(); i++) {
			String type = eventTypes.get(i);
			if (!EventTypes.isValidFilter(type)) {
				errors.put("eventTypes[" + i + "]", "'" + shorten(type) + "' is not an event type: use one of "
				        + EventTypes.all() + ", a pattern <resource>.* for one of " + EventTypes.resources()
				        + ", or * for all");
			}
		}
	}

	private static void checkFilters(Map<String, String> errors, TargetFilters filters) {
		checkUuids(errors, "filters.encounterTypes", filters.getEncounterTypes());
		checkUuids(errors, "filters.visitTypes", filters.getVisitTypes());
		checkUuids(errors, "filters.concepts", filters.getConcepts());
		checkUuids(errors, "filters.locations", filters.getLocations());
		checkUuids(errors, "filters.forms", filters.getForms());
	}

	private static void checkUuids(Map<String, String> errors, String field, List<String> uuids) {
		for (int i = 0; i < uuids.size(); i++) {
			String uuid = uuids.get(i);
			if (uuid == null || !UUID_LIKE.matcher(uuid).matches()) {
				errors.put(field + "[" + i + "]", "'" + shorten(uuid) + "' is not a uuid: give the uuid (1 to 38"
				        + " letters, digits or hyphens) of the metadata to match");
			}
		}
	}

	private static void checkChoice(Map<String, String> errors, String field, String value, List<String> choices) {
		if (!choices.contains(value)) {
			errors.put(field, (value == null ? "is required" : "'" + shorten(value) + "' is not allowed")
			        + ": use one of " + choices);
		}
	}

	private static void checkRange(Map<String, String> errors, String field, int value, int min, int max) {
		if (value < min || value > max) {
			errors.put(field, "is " + value + ": use a whole number from " + min + " to " + max);
		}
	}

	private static void checkHeaders(Map<String, String> errors, Target target) {
		Map<String, String> headers = target.getHeaders();
		if (headers.size() > MAX_HEADERS) {
			errors.put("headers", "has " + headers.size() + " headers: at most " + MAX_HEADERS + " are allowed");
		}
		TargetAuth auth = target.getAuth();
		boolean authSet = auth.getType() != null && !TargetAuth.NONE.equals(auth.getType());
		String apiKeyHeader = TargetAuth.API_KEY.equals(auth.getType()) && auth.getHeaderName() != null
		        ? auth.getHeaderName().toLowerCase(Locale.ROOT)
		        : null;
		Map<String, String> seen = new HashMap<>();
		for (Map.Entry<String, String> header : headers.entrySet()) {
			String name = header.getKey();
			String field = "headers." + name;
			if (!HeaderRules.isToken(name)) {
				errors.put(field, "is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~ only");
				continue;
			}
			String lower = name.toLowerCase(Locale.ROOT);
			if (HeaderRules.isReserved(name)) {
				errors.put(field, "is set by the module itself and cannot be overridden: remove it");
			} else if (authSet && "authorization".equals(lower)) {
				errors.put(field, "is set from auth: remove this header, or set auth.type to none");
			} else if (lower.equals(apiKeyHeader)) {
				errors.put(field, "is the API key header of auth: remove it here and keep the key in auth.value");
			} else if (seen.containsKey(lower)) {
				errors.put(field, "repeats the header " + seen.get(lower) + " (names ignore case): keep one");
			} else {
				checkHeaderValue(errors, field, header.getValue());
			}
			seen.put(lower, name);
		}
	}

	private static void checkHeaderValue(Map<String, String> errors, String field, String value) {
		if (value == null) {
			errors.put(field, "has no value: give one, or remove the header");
		} else if (value.length() > HeaderRules.MAX_VALUE_LENGTH) {
			errors.put(field, "has a value longer than " + HeaderRules.MAX_VALUE_LENGTH + " characters: shorten it");
		} else if (HeaderRules.hasControlCharacter(value)) {
			errors.put(field, "has a value with a line break or other control character: remove it");
		}
	}

	private static void checkSigningSecrets(Map<String, String> errors, List<SigningSecret> secrets) {
		for (int i = 0; i < secrets.size(); i++) {
			String secret = secrets.get(i).getSecret();
			if (secret == null || !SIGNING_SECRET.matcher(secret).matches() || !decodesTo24To64Bytes(secret)) {
				errors.put("signingSecrets[" + i + "]", "is not a signing secret: use whsec_ followed by the base64"
				        + " of 24 to 64 random bytes, or leave it out to have one generated");
			}
		}
	}

	private static boolean decodesTo24To64Bytes(String secret) {
		try {
			int bytes = Base64.getDecoder().decode(secret.substring("whsec_".length())).length;
			return bytes >= 24 && bytes <= 64;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** Quoted non-secret input, cut short so that a pasted document does not become the message. */
	static String shorten(String value) {
		if (value == null) {
			return "null";
		}
		return value.length() <= 64 ? value : value.substring(0, 64) + "…";
	}
}
