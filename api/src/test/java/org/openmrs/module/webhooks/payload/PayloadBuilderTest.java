package org.openmrs.module.webhooks.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.Event;

import com.fasterxml.jackson.databind.ObjectMapper;

class PayloadBuilderTest {

	private static final String EVENT = "e1e1e1e1-0000-4000-8000-000000000001";

	private static final String PATIENT = "a1a1a1a1-0000-4000-8000-000000000002";

	private static final String ENCOUNTER = "c1c1c1c1-0000-4000-8000-000000000003";

	private static final String VISIT = "b1b1b1b1-0000-4000-8000-000000000004";

	private static final String OBS = "d1d1d1d1-0000-4000-8000-000000000005";

	private static final String OLD_OBS = "d2d2d2d2-0000-4000-8000-000000000006";

	private static final String MERGED_AWAY = "a2a2a2a2-0000-4000-8000-000000000007";

	/** 2026-11-27T09:05:01.123Z */
	private static final long OCCURRED_AT = 1795770301123L;

	private final List<String> represented = new ArrayList<>();

	private Object representation = ordered("uuid", ENCOUNTER, "display", "Vitals 11/27/2026");

	private final AtomicReference<String> instanceName = new AtomicReference<>("Mombasa CCC");

	private final PayloadBuilder builder = new PayloadBuilder(instanceName::get, () -> "1.0.0", (resource, uuid, rep) -> {
		represented.add(resource + " " + uuid + " " + rep);
		return representation;
	});

	@Test
	void build_shouldWriteTheEnvelopeOfAnEncounterEvent() {
		Event event = event("encounter.created", "encounter", ENCOUNTER, PATIENT, "visit", VISIT);

		assertThat(json(builder.build(event, null))).isEqualTo(compact("""
		        {"id": "e1e1e1e1-0000-4000-8000-000000000001", "type": "encounter.created",
		         "timestamp": "2026-11-27T09:05:01.123Z",
		         "data": {"resource": "encounter", "uuid": "c1c1c1c1-0000-4000-8000-000000000003", "action": "created",
		                  "patient": {"uuid": "a1a1a1a1-0000-4000-8000-000000000002"},
		                  "links": {"rest": "/ws/rest/v1/encounter/c1c1c1c1-0000-4000-8000-000000000003",
		                            "fhir": "/ws/fhir2/R4/Encounter/c1c1c1c1-0000-4000-8000-000000000003"},
		                  "visit": {"uuid": "b1b1b1b1-0000-4000-8000-000000000004"}},
		         "source": {"instance": "Mombasa CCC", "module": "webhooks/1.0.0"}}
		        """));
	}

	@Test
	void build_shouldNameThePatientOfAPatientEventOnce() {
		Event event = event("patient.updated", "patient", PATIENT, PATIENT);

		assertThat(json(builder.build(event, "none"))).isEqualTo(compact("""
		        {"id": "e1e1e1e1-0000-4000-8000-000000000001", "type": "patient.updated",
		         "timestamp": "2026-11-27T09:05:01.123Z",
		         "data": {"resource": "patient", "uuid": "a1a1a1a1-0000-4000-8000-000000000002", "action": "updated",
		                  "patient": {"uuid": "a1a1a1a1-0000-4000-8000-000000000002"},
		                  "links": {"rest": "/ws/rest/v1/patient/a1a1a1a1-0000-4000-8000-000000000002",
		                            "fhir": "/ws/fhir2/R4/Patient/a1a1a1a1-0000-4000-8000-000000000002"}},
		         "source": {"instance": "Mombasa CCC", "module": "webhooks/1.0.0"}}
		        """));
	}

	@Test
	void build_shouldWriteTheObsPreviousVersionAndEncounter() {
		Event event = event("obs.created", "obs", OBS, PATIENT, "encounter", ENCOUNTER, "concept",
		    "5089AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "previousVersion", OLD_OBS);

		assertThat(json(builder.build(event, null))).isEqualTo(compact("""
		        {"id": "e1e1e1e1-0000-4000-8000-000000000001", "type": "obs.created",
		         "timestamp": "2026-11-27T09:05:01.123Z",
		         "data": {"resource": "obs", "uuid": "d1d1d1d1-0000-4000-8000-000000000005", "action": "created",
		                  "patient": {"uuid": "a1a1a1a1-0000-4000-8000-000000000002"},
		                  "links": {"rest": "/ws/rest/v1/obs/d1d1d1d1-0000-4000-8000-000000000005",
		                            "fhir": "/ws/fhir2/R4/Observation/d1d1d1d1-0000-4000-8000-000000000005"},
		                  "encounter": {"uuid": "c1c1c1c1-0000-4000-8000-000000000003"},
		                  "previousVersion": {"uuid": "d2d2d2d2-0000-4000-8000-000000000006"}},
		         "source": {"instance": "Mombasa CCC", "module": "webhooks/1.0.0"}}
		        """));
	}

	@Test
	void build_shouldLinkAVisitToItsFhirEncounter() {
		Event event = event("visit.voided", "visit", VISIT, PATIENT);

		assertThat(json(builder.build(event, null))).isEqualTo(compact("""
		        {"id": "e1e1e1e1-0000-4000-8000-000000000001", "type": "visit.voided",
		         "timestamp": "2026-11-27T09:05:01.123Z",
		         "data": {"resource": "visit", "uuid": "b1b1b1b1-0000-4000-8000-000000000004", "action": "voided",
		                  "patient": {"uuid": "a1a1a1a1-0000-4000-8000-000000000002"},
		                  "links": {"rest": "/ws/rest/v1/visit/b1b1b1b1-0000-4000-8000-000000000004",
		                            "fhir": "/ws/fhir2/R4/Encounter/b1b1b1b1-0000-4000-8000-000000000004"}},
		         "source": {"instance": "Mombasa CCC", "module": "webhooks/1.0.0"}}
		        """));
	}

	@Test
	void build_shouldNameBothPatientsOfAMerge() {
		Event event = event("patient.merged", "patient", PATIENT, PATIENT, "preferredPatient", PATIENT,
		    "nonPreferredPatient", MERGED_AWAY);

		assertThat(json(builder.build(event, null))).isEqualTo(compact("""
		        {"id": "e1e1e1e1-0000-4000-8000-000000000001", "type": "patient.merged",
		         "timestamp": "2026-11-27T09:05:01.123Z",
		         "data": {"resource": "patient", "uuid": "a1a1a1a1-0000-4000-8000-000000000002", "action": "merged",
		                  "patient": {"uuid": "a1a1a1a1-0000-4000-8000-000000000002"},
		                  "links": {"rest": "/ws/rest/v1/patient/a1a1a1a1-0000-4000-8000-000000000002",
		                            "fhir": "/ws/fhir2/R4/Patient/a1a1a1a1-0000-4000-8000-000000000002"},
		                  "preferred": {"uuid": "a1a1a1a1-0000-4000-8000-000000000002"},
		                  "nonPreferred": {"uuid": "a2a2a2a2-0000-4000-8000-000000000007"}},
		         "source": {"instance": "Mombasa CCC", "module": "webhooks/1.0.0"}}
		        """));
	}

	@Test
	void build_shouldOmitThePatientWhenTheEventHasNone() {
		Event event = event("encounter.deleted", "encounter", ENCOUNTER, null);

		assertThat(json(builder.build(event, null))).doesNotContain("patient")
		        .contains("\"action\":\"deleted\",\"links\":");
	}

	@Test
	void build_shouldWriteATestEventWithoutPatientData() {
		Event event = new Event(0, EVENT, "webhooks.test", "webhooks", null, null, OCCURRED_AT, null);

		assertThat(json(builder.build(event, "full"))).isEqualTo(compact("""
		        {"id": "e1e1e1e1-0000-4000-8000-000000000001", "type": "webhooks.test",
		         "timestamp": "2026-11-27T09:05:01.123Z",
		         "data": {"resource": "webhooks", "action": "test",
		                  "message": "Test event from OpenMRS Webhooks: the target is reachable."},
		         "source": {"instance": "Mombasa CCC", "module": "webhooks/1.0.0"}}
		        """));
		assertThat(represented).isEmpty();
	}

	@Test
	void build_shouldUseTheMessageOfATestEventWhenGiven() {
		Event event = new Event(0, EVENT, "webhooks.test", "webhooks", null, null, OCCURRED_AT,
		        Map.of("message", "Sent by admin from the admin page"));

		assertThat(json(builder.build(event, null))).contains("\"message\":\"Sent by admin from the admin page\"}");
	}

	@Test
	void build_shouldAddTheRepresentationTheTargetAsksFor() {
		Event event = event("encounter.updated", "encounter", ENCOUNTER, PATIENT);

		String json = json(builder.build(event, "default"));

		assertThat(represented).containsExactly("encounter " + ENCOUNTER + " default");
		assertThat(json).isEqualTo(compact("""
		        {"id": "e1e1e1e1-0000-4000-8000-000000000001", "type": "encounter.updated",
		         "timestamp": "2026-11-27T09:05:01.123Z",
		         "data": {"resource": "encounter", "uuid": "c1c1c1c1-0000-4000-8000-000000000003", "action": "updated",
		                  "patient": {"uuid": "a1a1a1a1-0000-4000-8000-000000000002"},
		                  "links": {"rest": "/ws/rest/v1/encounter/c1c1c1c1-0000-4000-8000-000000000003",
		                            "fhir": "/ws/fhir2/R4/Encounter/c1c1c1c1-0000-4000-8000-000000000003"},
		                  "representation": {"uuid": "c1c1c1c1-0000-4000-8000-000000000003",
		                                     "display": "Vitals 11/27/2026"}},
		         "source": {"instance": "Mombasa CCC", "module": "webhooks/1.0.0"}}
		        """));
	}

	@Test
	void build_shouldKeepNullsInsideTheRepresentationAsTheRestModuleGivesThem() {
		representation = ordered("uuid", OBS, "comment", null, "groupMembers", Arrays.asList(1, null));

		String json = json(builder.build(event("obs.created", "obs", OBS, PATIENT), "full"));

		assertThat(json).contains("\"representation\":{\"uuid\":\"" + OBS + "\",\"comment\":null,\"groupMembers\":[1,null]}");
	}

	@Test
	void build_shouldNotAskForARepresentationWhenTheTargetWantsNone() {
		builder.build(event("patient.created", "patient", PATIENT, PATIENT), null);
		builder.build(event("patient.created", "patient", PATIENT, PATIENT), "none");

		assertThat(represented).isEmpty();
	}

	@Test
	void build_shouldOmitTheRepresentationOfAResourceThatNoLongerExists() {
		representation = null;

		String json = json(builder.build(event("patient.deleted", "patient", PATIENT, PATIENT), "ref"));

		assertThat(represented).hasSize(1);
		assertThat(json).doesNotContain("representation").doesNotContain("null");
	}

	@Test
	void build_shouldLetARepresentationFailureThrough() {
		IllegalStateException failure = new IllegalStateException("REST module not started");
		PayloadBuilder failing = new PayloadBuilder(() -> "x", () -> "1.0.0", (r, u, v) -> {
			throw failure;
		});

		assertThatThrownBy(() -> failing.build(event("obs.voided", "obs", OBS, PATIENT), "default")).isSameAs(failure);
	}

	@Test
	void build_shouldWriteNoNulls() {
		instanceName.set(null);
		PayloadBuilder noVersion = new PayloadBuilder(instanceName::get, () -> null, (r, u, v) -> null);
		Event sparse = new Event(0, EVENT, "condition.created", "condition", null, null, 0L, null);

		String json = json(noVersion.build(sparse, "full"));

		assertThat(json).isEqualTo(compact("""
		        {"id": "e1e1e1e1-0000-4000-8000-000000000001", "type": "condition.created",
		         "timestamp": "1970-01-01T00:00:00.000Z",
		         "data": {"resource": "condition", "action": "created"},
		         "source": {"module": "webhooks"}}
		        """));
	}

	@Test
	void build_shouldReadTheInstanceNameOnEveryBuild() {
		Event event = event("patient.created", "patient", PATIENT, PATIENT);
		builder.build(event, null);

		instanceName.set("Kisumu Ḿ");

		assertThat(new String(builder.build(event, null), UTF_8))
		        .endsWith("\"source\":{\"instance\":\"Kisumu Ḿ\",\"module\":\"webhooks/1.0.0\"}}");
	}

	@Test
	void buildBatch_shouldWrapTheEnvelopesInABatch() {
		Event first = event("encounter.created", "encounter", ENCOUNTER, PATIENT);
		Event second = new Event(2, "e2e2e2e2-0000-4000-8000-000000000008", "obs.created", "obs", OBS, PATIENT,
		        OCCURRED_AT + 1, null);

		String json = json(builder.buildBatch("f0f0f0f0-0000-4000-8000-000000000009", OCCURRED_AT + 5,
		    List.of(first, second), null));

		assertThat(json).isEqualTo("{\"type\":\"batch\",\"id\":\"f0f0f0f0-0000-4000-8000-000000000009\","
		        + "\"timestamp\":\"2026-11-27T09:05:01.128Z\",\"events\":[" + json(builder.build(first, null)) + ","
		        + json(builder.build(second, null)) + "]}");
	}

	@Test
	void buildBatch_shouldAskForTheRepresentationOfEachEvent() {
		builder.buildBatch("batch-1", OCCURRED_AT, List.of(event("patient.created", "patient", PATIENT, PATIENT),
		    event("encounter.created", "encounter", ENCOUNTER, PATIENT)), "ref");

		assertThat(represented).containsExactly("patient " + PATIENT + " ref", "encounter " + ENCOUNTER + " ref");
	}

	@Test
	void buildBatch_shouldRejectAnEmptyBatch() {
		assertThatThrownBy(() -> builder.buildBatch("batch-1", OCCURRED_AT, List.of(), null))
		        .isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void formatTimestamp_shouldWriteIso8601InUtcWithMilliseconds() {
		assertThat(PayloadBuilder.formatTimestamp(OCCURRED_AT)).isEqualTo("2026-11-27T09:05:01.123Z");
		assertThat(PayloadBuilder.formatTimestamp(1795770300000L)).isEqualTo("2026-11-27T09:05:00.000Z");
		assertThat(PayloadBuilder.formatTimestamp(0L)).isEqualTo("1970-01-01T00:00:00.000Z");
	}

	private static Event event(String type, String resource, String uuid, String patient, String... attributes) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < attributes.length; i += 2) {
			map.put(attributes[i], attributes[i + 1]);
		}
		return new Event(1, EVENT, type, resource, uuid, patient, OCCURRED_AT, map);
	}

	/** A map that keeps the given order and allows null values, as the REST module's trees do. */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static String json(byte[] body) {
		return new String(body, UTF_8);
	}

	/** The expected JSON without its layout; Jackson's tree keeps the field order, so the comparison checks it. */
	private static String compact(String json) {
		try {
			ObjectMapper mapper = new ObjectMapper();
			return mapper.writeValueAsString(mapper.readTree(json));
		}
		catch (Exception e) {
			throw new IllegalArgumentException(e);
		}
	}
}
