package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Clinical work through the REST API, as a registration desk or a form would do it, on made-up patients (no real
 * data). The metadata it needs (an identifier type without check digit, a location, an encounter type, a visit
 * type, a text concept) is found, or created once, on the server.
 */
final class Clinic {

	static final DateTimeFormatter REST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private final Rest rest;

	private String identifierType;

	private String location;

	private String encounterType;

	private String visitType;

	private String textConcept;

	Clinic(Rest rest) {
		this.rest = rest;
	}

	/** A patient made up for the test; returns its uuid. */
	String createPatient() {
		Rest.Answer a = createPatient(newIdentifier());
		assertThat(a.ok()).as("patient create: %s", a.describe()).isTrue();
		return a.json().path("uuid").asText();
	}

	/** The answer to a patient create with this identifier (may be a refusal). */
	Rest.Answer createPatient(String identifier) {
		ObjectNode name = Rest.object().put("givenName", "Test" + letters(6)).put("familyName", "Webhooks" + letters(6));
		ObjectNode person = Rest.object().put("gender", "F").put("birthdate", "1980-01-01");
		person.putArray("names").add(name);
		ObjectNode id = Rest.object().put("identifier", identifier).put("identifierType", identifierType())
		        .put("location", location()).put("preferred", true);
		ObjectNode patient = Rest.object();
		patient.set("person", person);
		patient.putArray("identifiers").add(id);
		return rest.post("/ws/rest/v1/patient", patient);
	}

	String newIdentifier() {
		return "E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
	}

	/** The identifier of a patient (its first). */
	String identifierOf(String patientUuid) {
		Rest.Answer a = rest.get("/ws/rest/v1/patient/" + patientUuid + "/identifier");
		assertThat(a.ok()).as(a.describe()).isTrue();
		return a.json().path("results").get(0).path("identifier").asText();
	}

	/** A field of the person changes: the birthdate. */
	void editPatient(String patientUuid) {
		Rest.Answer a = rest.post("/ws/rest/v1/person/" + patientUuid, Rest.object().put("birthdate", "1981-02-03"));
		assertThat(a.ok()).as("person edit: %s", a.describe()).isTrue();
	}

	void voidPatient(String patientUuid) {
		Rest.Answer a = rest.delete("/ws/rest/v1/patient/" + patientUuid + "?reason=webhooks+e2e");
		assertThat(a.status()).as("patient void: %s", a.describe()).isIn(200, 204);
	}

	String createVisit(String patientUuid) {
		ObjectNode v = Rest.object().put("patient", patientUuid).put("visitType", visitType())
		        .put("location", location()).put("startDatetime", now(-60));
		Rest.Answer a = rest.post("/ws/rest/v1/visit", v);
		assertThat(a.ok()).as("visit create: %s", a.describe()).isTrue();
		return a.json().path("uuid").asText();
	}

	/** An encounter in the visit with one text obs; returns the encounter's answer. */
	JsonNode createEncounterWithObs(String patientUuid, String visitUuid, String value) {
		ObjectNode e = Rest.object().put("patient", patientUuid).put("encounterType", encounterType())
		        .put("location", location()).put("encounterDatetime", now(-30));
		if (visitUuid != null) {
			e.put("visit", visitUuid);
		}
		e.putArray("obs").add(Rest.object().put("concept", textConcept()).put("value", value)
		        .put("obsDatetime", now(-30)).put("person", patientUuid));
		Rest.Answer a = rest.post("/ws/rest/v1/encounter", e);
		assertThat(a.ok()).as("encounter create: %s", a.describe()).isTrue();
		return a.json();
	}

	/** The obs of an encounter (uuids). */
	JsonNode obsOf(String encounterUuid) {
		Rest.Answer a = rest.get("/ws/rest/v1/encounter/" + encounterUuid + "?v=custom:(uuid,obs:(uuid,value))");
		assertThat(a.ok()).as(a.describe()).isTrue();
		return a.json().path("obs");
	}

	/** An edit of an obs: core voids it and saves a new version. */
	void editObs(String obsUuid, String value) {
		Rest.Answer a = rest.post("/ws/rest/v1/obs/" + obsUuid, Rest.object().put("value", value));
		assertThat(a.ok()).as("obs edit: %s", a.describe()).isTrue();
	}

	String identifierType() {
		if (identifierType == null) {
			JsonNode types = results("/ws/rest/v1/patientidentifiertype?v=custom:(uuid,name,validator,retired)");
			for (JsonNode t : types) {
				if (t.path("validator").isNull() || t.path("validator").asText("").isEmpty()) {
					identifierType = t.path("uuid").asText();
					break;
				}
			}
			if (identifierType == null) {
				identifierType = create("/ws/rest/v1/patientidentifiertype", Rest.object().put("name", "Webhooks e2e id")
				        .put("description", "made by the webhooks end-to-end suite"));
			}
		}
		return identifierType;
	}

	String location() {
		if (location == null) {
			JsonNode l = results("/ws/rest/v1/location?v=custom:(uuid)&limit=1");
			location = l.size() > 0 ? l.get(0).path("uuid").asText()
			        : create("/ws/rest/v1/location", Rest.object().put("name", "Webhooks e2e clinic"));
		}
		return location;
	}

	String encounterType() {
		if (encounterType == null) {
			encounterType = findOrCreate("/ws/rest/v1/encountertype", "Webhooks e2e encounter",
			    Rest.object().put("name", "Webhooks e2e encounter").put("description", "webhooks end-to-end suite"));
		}
		return encounterType;
	}

	String visitType() {
		if (visitType == null) {
			visitType = findOrCreate("/ws/rest/v1/visittype", "Webhooks e2e visit",
			    Rest.object().put("name", "Webhooks e2e visit").put("description", "webhooks end-to-end suite"));
		}
		return visitType;
	}

	String textConcept() {
		if (textConcept == null) {
			String name = "Webhooks e2e note";
			JsonNode found = results("/ws/rest/v1/concept?q=" + name.replace(' ', '+') + "&v=custom:(uuid,display)");
			for (JsonNode c : found) {
				if (name.equalsIgnoreCase(c.path("display").asText())) {
					textConcept = c.path("uuid").asText();
				}
			}
			if (textConcept == null) {
				ObjectNode concept = Rest.object().put("datatype", uuidByName("/ws/rest/v1/conceptdatatype", "Text"))
				        .put("conceptClass", uuidByName("/ws/rest/v1/conceptclass", "Misc"));
				concept.putArray("names").add(Rest.object().put("name", name).put("locale", "en")
				        .put("localePreferred", true).put("conceptNameType", "FULLY_SPECIFIED"));
				textConcept = create("/ws/rest/v1/concept", concept);
			}
		}
		return textConcept;
	}

	private String findOrCreate(String path, String name, ObjectNode body) {
		for (JsonNode t : results(path + "?v=custom:(uuid,name)")) {
			if (name.equals(t.path("name").asText())) {
				return t.path("uuid").asText();
			}
		}
		return create(path, body);
	}

	private String uuidByName(String path, String name) {
		for (JsonNode t : results(path + "?v=custom:(uuid,name)&limit=100")) {
			if (name.equalsIgnoreCase(t.path("name").asText())) {
				return t.path("uuid").asText();
			}
		}
		throw new AssertionError("no " + name + " at " + path);
	}

	private String create(String path, ObjectNode body) {
		Rest.Answer a = rest.post(path, body);
		assertThat(a.ok()).as("create %s: %s", path, a.describe()).isTrue();
		return a.json().path("uuid").asText();
	}

	private JsonNode results(String path) {
		Rest.Answer a = rest.get(path);
		assertThat(a.ok()).as("%s: %s", path, a.describe()).isTrue();
		return a.json().path("results");
	}

	/** Now plus some seconds, in the REST module's format. */
	static String now(int plusSeconds) {
		return OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(plusSeconds).format(REST_TIME);
	}

	static String today() {
		return LocalDate.now(ZoneOffset.UTC).toString();
	}

	private static String letters(int n) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < n; i++) {
			b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return b.toString();
	}
}
