package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;
import org.openmrs.module.webhooks.web.testing.Backend;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventResourceTest {

	private final Backend backend = new Backend();

	private TestPrivileges caller = TestPrivileges.viewer();

	private String patientCreated;

	private String encounterCreated;

	private String obsVoided;

	@BeforeAll
	void capture() {
		patientCreated = backend.event("patient.created", "P1", "P1", Instant.parse("2026-11-27T08:00:00Z").toEpochMilli(),
		    null);
		encounterCreated = backend.event("encounter.created", "P1", "enc-1", Instant.parse("2026-11-27T09:00:00Z")
		        .toEpochMilli(), Collections.singletonMap("encounterType", "et-1"));
		obsVoided = backend.event("obs.voided", "P2", "o-1", Instant.parse("2026-11-27T10:00:00Z").toEpochMilli(),
		    Collections.singletonMap("concept", "c-1"));
	}

	@BeforeEach
	void viewer() {
		caller = TestPrivileges.viewer();
	}

	@AfterAll
	void close() {
		backend.close();
	}

	private EventResource resource() {
		return new EventResource(backend.services(), caller.guard());
	}

	private List<String> found(String... params) {
		return resource().search(MapParams.of(params)).getRows().stream().map(Event::getUuid).collect(Collectors.toList());
	}

	@Test
	void search_shouldFilterTheCapturedEventsByEachParameterNewestFirst() {
		assertThat(found()).containsExactly(obsVoided, encounterCreated, patientCreated);
		assertThat(found("type", "obs.voided")).containsExactly(obsVoided);
		assertThat(found("resource", "enc-1")).containsExactly(encounterCreated);
		assertThat(found("patient", "P1")).containsExactly(encounterCreated, patientCreated);
		assertThat(found("fromdate", "2026-11-27T10:00:00+01:00", "todate", "2026-11-27T10:00:00.000+0100"))
		        .containsExactly(encounterCreated);
		assertThat(found("fromdate", "2026-11-28")).isEmpty();
		assertThat(resource().search(MapParams.of().page(1, 1)).getRows()).extracting(Event::getUuid)
		        .containsExactly(encounterCreated);
	}

	@Test
	void search_shouldRefuseAnUnreadableDateNamingIt() {
		Throwable refused = catchThrowable(() -> resource().search(MapParams.of("fromdate", "27/11/2026")));

		assertThat(RestStatus.of(refused, true)).isEqualTo(400);
		assertThat(FieldErrors.of(refused)).containsOnlyKeys("fromdate");
	}

	@Test
	void getByUniqueId_shouldReadOneWithItsAttributesAndNeedGetWebhooks() {
		Event e = resource().getByUniqueId(encounterCreated);

		assertThat(EventJson.represent(e, "full")).containsEntry("type", "encounter.created")
		        .containsEntry("resourceUuid", "enc-1").containsEntry("patientUuid", "P1")
		        .containsEntry("occurredAt", "2026-11-27T09:00:00.000+0000")
		        .containsEntry("attributes", Collections.singletonMap("encounterType", "et-1"));
		assertThat(resource().getByUniqueId("no-such-event")).isNull();
		caller = TestPrivileges.anonymous();
		assertThat(RestStatus.of(catchThrowable(() -> resource().getByUniqueId(encounterCreated)), false)).isEqualTo(401);
		caller = TestPrivileges.viewer();
	}

	@Test
	void representation_shouldShowIdsAndInFullTheAttributes() {
		Event e = event();

		assertThat(EventJson.represent(e, "ref")).containsOnlyKeys("uuid", "display")
		        .containsEntry("display", "encounter.created enc-1");
		assertThat(EventJson.represent(e, "default")).containsEntry("type", "encounter.created")
		        .containsEntry("resource", "encounter").containsEntry("action", "created")
		        .containsEntry("resourceUuid", "enc-1").containsEntry("patientUuid", "p-1")
		        .containsEntry("occurredAt", "2026-11-27T09:05:01.123+0000").doesNotContainKey("attributes");
		assertThat(EventJson.represent(e, "full")).containsEntry("attributes",
		    Collections.singletonMap("encounterType", "et-1"));
	}

	@Test
	void writes_shouldBeRefusedAs400() {
		assertThat(RestStatus.of(catchThrowable(() -> resource().save(event())), true)).isEqualTo(400);
		assertThat(catchThrowable(() -> resource().purge(event(), null))).hasMessageContaining("/replay");
	}

	private static Event event() {
		return new Event(7, "e-1", "encounter.created", "encounter", "enc-1", "p-1",
		        Instant.parse("2026-11-27T09:05:01.123Z").toEpochMilli(), Collections.singletonMap("encounterType", "et-1"));
	}
}
