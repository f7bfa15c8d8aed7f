package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.model.Attempt;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;
import org.openmrs.module.webhooks.web.testing.TestServices;
import org.openmrs.module.webservices.rest.web.response.ConversionException;

class DeliveryResourceTest {

	private final TestServices backend = new TestServices();

	private TestPrivileges caller = TestPrivileges.viewer();

	private DeliveryResource resource() {
		return new DeliveryResource(backend.services(), caller.guard());
	}

	@Test
	void search_shouldPassEveryParameterToTheService() {
		resource().search(MapParams.of("target", "t-1", "status", "Failed", "eventType", "encounter.created", "patient",
		    "p-1", "fromdate", "2026-11-27T09:00:00Z", "todate", "2026-11-28").page(100, 25));

		DeliverySearch c = backend.deliveries.lastDeliverySearch;
		assertThat(c.getTargetUuid()).isEqualTo("t-1");
		assertThat(c.getStatus()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(c.getEventType()).isEqualTo("encounter.created");
		assertThat(c.getPatientUuid()).isEqualTo("p-1");
		assertThat(c.getFrom()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z").toEpochMilli());
		assertThat(c.getTo()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z").toEpochMilli());
		assertThat(c.getStartIndex()).isEqualTo(100);
		assertThat(c.getLimit()).isEqualTo(25);
	}

	@Test
	void search_shouldNotFilterOnAbsentParameters() {
		resource().search(MapParams.of());

		DeliverySearch c = backend.deliveries.lastDeliverySearch;
		assertThat(c.getTargetUuid()).isNull();
		assertThat(c.getStatus()).isNull();
		assertThat(c.getFrom()).isNull();
		assertThat(c.getTo()).isNull();
	}

	@Test
	void search_shouldRefuseAnUnknownStatusAndAnUnreadableDateNamingThem() {
		Throwable refused = catchThrowable(() -> resource().search(MapParams.of("status", "lost", "todate", "yesterday")));

		assertThat(RestStatus.of(refused, true)).isEqualTo(400);
		assertThat(FieldErrors.of(refused)).containsEntry("status", "must be one of pending, delivered, failed, dead")
		        .containsKey("todate");
		assertThat(backend.deliveries.lastDeliverySearch).isNull();
	}

	@Test
	void search_shouldReturnTheServicesPage() {
		backend.deliveries.deliveries.put("d-1", delivery("d-1"));
		backend.deliveries.deliveries.put("d-2", delivery("d-2"));

		Page<Delivery> page = resource().search(MapParams.of().page(0, 1));

		assertThat(page.getRows()).extracting(Delivery::getUuid).containsExactly("d-1");
		assertThat(page.hasMore()).isTrue();
	}

	@Test
	void reads_shouldNeedGetWebhooks() {
		caller = TestPrivileges.anonymous();
		assertThat(RestStatus.of(catchThrowable(() -> resource().getByUniqueId("d-1")), false)).isEqualTo(401);
		assertThat(RestStatus.of(catchThrowable(() -> resource().search(MapParams.of())), false)).isEqualTo(401);

		caller = TestPrivileges.loggedInWith("Get Patients");
		assertThat(RestStatus.of(catchThrowable(() -> resource().search(MapParams.of())), true)).isEqualTo(403);
	}

	@Test
	void representation_shouldListTheDeliveryAndInFullItsAttempts() {
		Delivery d = delivery("d-1");
		Attempt a = new Attempt();
		a.setStartedAt(Instant.parse("2026-11-27T09:05:02Z").toEpochMilli());
		a.setDurationMillis(120);
		a.setStatusCode(503);
		a.setResponseExcerpt("busy");
		d.getAttemptLog().add(a);

		Map<String, Object> def = DeliveryJson.represent(d, "default");
		Map<String, Object> full = DeliveryJson.represent(d, "full");

		assertThat(DeliveryJson.represent(d, "ref")).containsOnlyKeys("uuid", "display");
		assertThat(def).containsEntry("display", "encounter.created to OpenFn: failed").containsEntry("status", "failed")
		        .containsEntry("eventType", "encounter.created").containsEntry("targetUuid", "t-1")
		        .containsEntry("patientUuid", "p-1").containsEntry("attempts", 1).containsEntry("lastStatusCode", 503)
		        .containsEntry("createdAt", "2026-11-27T09:05:01.000+0000").containsEntry("completedAt", null)
		        .doesNotContainKey("attemptLog");
		assertThat(full.get("attemptLog")).asList().hasSize(1).first().hasToString(
		    "{startedAt=2026-11-27T09:05:02.000+0000, durationMillis=120, statusCode=503, error=null, responseExcerpt=busy, manual=false}");
	}

	@Test
	void writes_shouldBeRefusedAs400() {
		DeliveryResource r = resource();
		Delivery d = delivery("d-1");

		assertThat(RestStatus.of(catchThrowable(r::newDelegate), true)).isEqualTo(400);
		assertThat(RestStatus.of(catchThrowable(() -> r.save(d)), true)).isEqualTo(400);
		assertThat(RestStatus.of(catchThrowable(() -> r.delete(d, "x", null)), true)).isEqualTo(400);
		assertThat(RestStatus.of(catchThrowable(() -> r.purge(d, null)), true)).isEqualTo(400);
		assertThat(catchThrowable(() -> r.setProperty(d, "status", "delivered"))).hasMessageContaining("/retry");
	}

	@Test
	void getProperty_shouldAnswerAnUnknownPropertyWithA400() {
		assertThat(catchThrowable(() -> resource().getProperty(delivery("d"), "payload")))
		        .isInstanceOf(ConversionException.class);
	}

	static Delivery delivery(String uuid) {
		Delivery d = new Delivery();
		d.setUuid(uuid);
		d.setEventUuid("e-1");
		d.setEventType("encounter.created");
		d.setPatientUuid("p-1");
		d.setTargetUuid("t-1");
		d.setTargetName("OpenFn");
		d.setStatus(DeliveryStatus.FAILED);
		d.setAttempts(1);
		d.setLastStatusCode(503);
		d.setCreatedAt(Instant.parse("2026-11-27T09:05:01Z").toEpochMilli());
		return d;
	}
}
