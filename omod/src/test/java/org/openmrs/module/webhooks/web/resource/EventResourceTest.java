package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;
import org.openmrs.module.webhooks.web.testing.TestServices;

class EventResourceTest {

	private final TestServices backend = new TestServices();

	private TestPrivileges caller = TestPrivileges.viewer();

	private EventResource resource() {
		return new EventResource(backend.services(), caller.guard());
	}

	@Test
	void search_shouldPassEveryParameterToTheService() {
		resource().search(MapParams.of("type", "obs.voided", "resource", "o-1", "patient", "p-1", "fromdate",
		    "2026-11-27T10:00:00+01:00", "todate", "2026-11-27T10:00:00.000+0100").page(5, 10));

		EventSearch c = backend.deliveries.lastEventSearch;
		long nineUtc = Instant.parse("2026-11-27T09:00:00Z").toEpochMilli();
		assertThat(c.getType()).isEqualTo("obs.voided");
		assertThat(c.getResourceUuid()).isEqualTo("o-1");
		assertThat(c.getPatientUuid()).isEqualTo("p-1");
		assertThat(c.getFrom()).isEqualTo(nineUtc);
		assertThat(c.getTo()).isEqualTo(nineUtc);
		assertThat(c.getStartIndex()).isEqualTo(5);
		assertThat(c.getLimit()).isEqualTo(10);
	}

	@Test
	void search_shouldRefuseAnUnreadableDateNamingIt() {
		Throwable refused = catchThrowable(() -> resource().search(MapParams.of("fromdate", "27/11/2026")));

		assertThat(FieldErrors.of(refused)).containsOnlyKeys("fromdate");
	}

	@Test
	void getByUniqueId_shouldNeedGetWebhooks() {
		backend.deliveries.events.put("e-1", event());

		assertThat(resource().getByUniqueId("e-1").getType()).isEqualTo("encounter.created");
		caller = TestPrivileges.anonymous();
		assertThat(RestStatus.of(catchThrowable(() -> resource().getByUniqueId("e-1")), false)).isEqualTo(401);
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
