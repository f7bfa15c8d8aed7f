package org.openmrs.module.webhooks.target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetFilters;

/**
 * The {@code webhooks_target.config} column: a JSON object written field by field (not bean-mapped, so that
 * renaming a Java property never changes stored data) with every secret value encrypted on its own:
 *
 * <pre>
 * {"version":1, "eventTypes":[…], "filters":{…}, "representation":"none", "ordering":"per-patient",
 *  "batchSize":1, "maxConcurrency":4, "timeoutSeconds":15, "maxAttempts":8,
 *  "auth":{"type":"basic","username":"u","password":"&lt;encrypted&gt;"},
 *  "headers":{"X-Name":"&lt;encrypted&gt;"},
 *  "signing":{"enabled":true,"secrets":[{"secret":"&lt;encrypted&gt;","createdAt":…,"expiresAt":0}]}}
 * </pre>
 */
final class ConfigJson {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final SecretCipher cipher;

	ConfigJson(SecretCipher cipher) {
		this.cipher = cipher;
	}

	String write(Target t) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("version", 1);
		strings(root.putArray("eventTypes"), t.getEventTypes());
		ObjectNode filters = root.putObject("filters");
		TargetFilters f = t.getFilters();
		strings(filters.putArray("encounterTypes"), f.getEncounterTypes());
		strings(filters.putArray("visitTypes"), f.getVisitTypes());
		strings(filters.putArray("concepts"), f.getConcepts());
		strings(filters.putArray("locations"), f.getLocations());
		strings(filters.putArray("forms"), f.getForms());
		root.put("representation", t.getRepresentation());
		root.put("ordering", t.getOrdering());
		root.put("batchSize", t.getBatchSize());
		root.put("maxConcurrency", t.getMaxConcurrency());
		root.put("timeoutSeconds", t.getTimeoutSeconds());
		root.put("maxAttempts", t.getMaxAttempts());
		ObjectNode auth = root.putObject("auth");
		TargetAuth a = t.getAuth();
		auth.put("type", a.getType());
		putIfSet(auth, "username", a.getUsername());
		putIfSet(auth, "password", encrypt(a.getPassword()));
		putIfSet(auth, "token", encrypt(a.getToken()));
		putIfSet(auth, "headerName", a.getHeaderName());
		putIfSet(auth, "value", encrypt(a.getValue()));
		ObjectNode headers = root.putObject("headers");
		for (Map.Entry<String, String> h : t.getHeaders().entrySet()) {
			headers.put(h.getKey(), encrypt(h.getValue()));
		}
		ObjectNode signing = root.putObject("signing");
		signing.put("enabled", t.isSigningEnabled());
		ArrayNode secrets = signing.putArray("secrets");
		for (SigningSecret s : t.getSigningSecrets()) {
			secrets.addObject().put("secret", encrypt(s.getSecret())).put("createdAt", s.getCreatedAt())
			        .put("expiresAt", s.getExpiresAt());
		}
		return root.toString();
	}

	/** Sets the configuration fields of {@code t} from {@code json}, secrets decrypted. */
	void read(String json, Target t) {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (IOException e) {
			throw new IllegalStateException("The stored configuration of target " + t.getUuid() + " is not JSON", e);
		}
		t.setEventTypes(strings(root.path("eventTypes")));
		JsonNode filters = root.path("filters");
		t.getFilters().setEncounterTypes(strings(filters.path("encounterTypes")));
		t.getFilters().setVisitTypes(strings(filters.path("visitTypes")));
		t.getFilters().setConcepts(strings(filters.path("concepts")));
		t.getFilters().setLocations(strings(filters.path("locations")));
		t.getFilters().setForms(strings(filters.path("forms")));
		t.setRepresentation(root.path("representation").asText(t.getRepresentation()));
		t.setOrdering(root.path("ordering").asText(t.getOrdering()));
		t.setBatchSize(root.path("batchSize").asInt(t.getBatchSize()));
		t.setMaxConcurrency(root.path("maxConcurrency").asInt(t.getMaxConcurrency()));
		t.setTimeoutSeconds(root.path("timeoutSeconds").asInt(t.getTimeoutSeconds()));
		t.setMaxAttempts(root.path("maxAttempts").asInt(t.getMaxAttempts()));
		JsonNode auth = root.path("auth");
		TargetAuth a = t.getAuth();
		a.setType(auth.path("type").asText(TargetAuth.NONE));
		a.setUsername(text(auth, "username"));
		a.setPassword(decrypt(text(auth, "password")));
		a.setToken(decrypt(text(auth, "token")));
		a.setHeaderName(text(auth, "headerName"));
		a.setValue(decrypt(text(auth, "value")));
		Map<String, String> headers = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = root.path("headers").fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> h = it.next();
			headers.put(h.getKey(), decrypt(h.getValue().isNull() ? null : h.getValue().asText()));
		}
		t.setHeaders(headers);
		JsonNode signing = root.path("signing");
		t.setSigningEnabled(signing.path("enabled").asBoolean(false));
		List<SigningSecret> secrets = new ArrayList<>();
		for (JsonNode s : signing.path("secrets")) {
			secrets.add(new SigningSecret(decrypt(text(s, "secret")), s.path("createdAt").asLong(),
			        s.path("expiresAt").asLong()));
		}
		t.setSigningSecrets(secrets);
	}

	private String encrypt(String clear) {
		return clear == null ? null : cipher.encrypt(clear);
	}

	private String decrypt(String stored) {
		return stored == null ? null : cipher.decrypt(stored);
	}

	private static void putIfSet(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	private static void strings(ArrayNode array, List<String> values) {
		for (String v : values) {
			array.add(v);
		}
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		for (JsonNode v : array) {
			values.add(v.isNull() ? null : v.asText());
		}
		return values;
	}
}
