package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.model.Attempt;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.testsupport.Receiver;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;
import org.openmrs.module.webhooks.web.testing.Backend;
import org.openmrs.module.webhooks.web.testing.DeliveryScenario;
import org.openmrs.module.webservices.rest.web.response.ConversionException;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryResourceTest {

	private final Backend backend = new Backend();

	private Receiver receiver;

	private DeliveryScenario log;

	private TestPrivileges caller = TestPrivileges.viewer();

	@BeforeAll
	void deliver() throws IOException {
		receiver = Receiver.start();
		log = new DeliveryScenario(backend, receiver);
	}

	@BeforeEach
	void viewer() {
		caller = TestPrivileges.viewer();
	}

	@AfterAll
	void close() {
		receiver.close();
		backend.close();
	}

	private DeliveryResource resource() {
		return new DeliveryResource(backend.services(), caller.guard());
	}

	private List<String> found(String... params) {
		return resource().search(MapParams.of(params)).getRows().stream()
		        .map(d -> d.getTargetName() + " " + d.getEventType() + " " + d.getStatus().restName())
		        .collect(Collectors.toList());
	}

	@Test
	void search_shouldFilterTheRealLogByEachParameter() {
		assertThat(found()).hasSize(7);
		assertThat(found("target", log.refused)).containsExactlyInAnyOrder("refused encounter.created failed",
		    "refused encounter.updated failed");
		assertThat(found("status", "dead")).containsExactly("broken obs.created dead");
		assertThat(found("status", "DELIVERED")).hasSize(4).allMatch(d -> d.startsWith("ok "));
		assertThat(found("eventType", "encounter.created")).containsExactlyInAnyOrder("ok encounter.created delivered",
		    "refused encounter.created failed");
		assertThat(found("patient", "P2")).containsExactlyInAnyOrder("ok obs.created delivered",
		    "ok encounter.updated delivered", "refused encounter.updated failed", "broken obs.created dead");
		assertThat(found("target", log.ok, "patient", "P1", "status", "delivered")).containsExactlyInAnyOrder(
		    "ok patient.created delivered", "ok encounter.created delivered");
		String now = Instant.now().toString();
		assertThat(found("todate", "2020-01-01")).isEmpty();
		assertThat(found("fromdate", "2020-01-01", "todate", now)).hasSize(7);
		assertThat(found("fromdate", Instant.now().plusSeconds(3600).toString())).isEmpty();
	}

	@Test
	void search_shouldPageNewestFirst() {
		Page<Delivery> first = resource().search(MapParams.of().page(0, 5));
		Page<Delivery> rest = resource().search(MapParams.of().page(5, 5));

		assertThat(first.getRows()).hasSize(5);
		assertThat(first.hasMore()).isTrue();
		assertThat(rest.getRows()).hasSize(2);
		assertThat(rest.hasMore()).isFalse();
		List<Long> created = new java.util.ArrayList<>();
		first.getRows().forEach(d -> created.add(d.getCreatedAt()));
		rest.getRows().forEach(d -> created.add(d.getCreatedAt()));
		assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void getByUniqueId_shouldReadOneWithItsAttempts() {
		Delivery failed = resource().search(MapParams.of("target", log.refused, "eventType", "encounter.created"))
		        .getRows().get(0);

		Delivery one = resource().getByUniqueId(failed.getUuid());

		Map<String, Object> full = DeliveryJson.represent(one, "full");
		assertThat(full).containsEntry("status", "failed").containsEntry("targetUuid", log.refused)
		        .containsEntry("eventUuid", log.encounterCreated).containsEntry("patientUuid", "P1")
		        .containsEntry("attempts", 1).containsEntry("lastStatusCode", 400);
		assertThat((List<?>) full.get("attemptLog")).singleElement().satisfies(a -> assertThat(asMap(a))
		        .containsEntry("statusCode", 400).containsEntry("manual", false)
		        .satisfies(m -> assertThat((String) m.get("responseExcerpt")).contains("\"status\":400")));
		assertThat(resource().getByUniqueId("no-such-delivery")).isNull();
	}

	@Test
	void search_shouldRefuseAnUnknownStatusAndAnUnreadableDateNamingThem() {
		Throwable refused = catchThrowable(() -> resource().search(MapParams.of("status", "lost", "todate", "yesterday")));

		assertThat(RestStatus.of(refused, true)).isEqualTo(400);
		assertThat(FieldErrors.of(refused)).containsEntry("status", "must be one of pending, delivered, failed, dead")
		        .containsKey("todate");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object o) {
		return (Map<String, Object>) o;
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
