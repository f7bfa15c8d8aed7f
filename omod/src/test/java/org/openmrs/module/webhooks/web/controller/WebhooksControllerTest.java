package org.openmrs.module.webhooks.web.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.api.DeliveryStats;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.web.resource.DeliveryJson;
import org.openmrs.module.webhooks.web.resource.TargetJson;
import org.openmrs.module.webhooks.web.resource.WebhookTarget;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;
import org.openmrs.module.webhooks.web.testing.TestServices;
import org.openmrs.module.webhooks.web.testing.Targets;

class WebhooksControllerTest {

	private final TestServices backend = new TestServices();

	private TestPrivileges caller = TestPrivileges.manager();

	private String targetUuid;

	/** As GET ?v=default would show them, without the REST module's links. */
	private final Representer json = new Representer() {

		@Override
		public Object target(Target target) {
			return TargetJson.represent(new WebhookTarget(target), "default");
		}

		@Override
		public Object delivery(Delivery delivery) {
			return DeliveryJson.represent(delivery, "default");
		}
	};

	@BeforeEach
	void aTarget() {
		targetUuid = backend.targets.saveTarget(Targets.full()).getTarget().getUuid();
		backend.targets.calls.clear();
	}

	private WebhooksController controller() {
		return new WebhooksController(backend.services(), caller.guard(), json);
	}

	@Test
	void testTarget_shouldReturnTheReceiversAnswer() {
		backend.targets.nextTestResult = new TestResult(false, 401, 87, null, "{\"error\":\"bad key\"}");

		Object answer = controller().testTarget(targetUuid);

		assertThat(answer).hasToString(
		    "{success=false, statusCode=401, durationMillis=87, error=null, responseExcerpt={\"error\":\"bad key\"}}");
		assertThat(backend.targets.calls).containsExactly("sendTestEvent " + targetUuid);
	}

	@Test
	void testTarget_shouldAnswer404ForAnUnknownTarget() {
		assertThat(RestStatus.of(catchThrowable(() -> controller().testTarget("nope")), true)).isEqualTo(404);
		assertThat(backend.targets.calls).isEmpty();
	}

	@Test
	void rotateSecret_shouldShowTheNewSecretOnceAndKeepTheOldForTheOverlap() {
		Map<String, Object> answer = asMap(controller().rotateSecret(targetUuid, body("overlapHours", 0)));

		String secret = (String) answer.get("newSecret");
		assertThat(secret).startsWith("whsec_")
		        .isEqualTo(backend.targets.storedInClear(targetUuid).getSigningSecrets().get(0).getSecret());
		assertThat(backend.targets.calls).containsExactly("rotateSigningSecret " + targetUuid + " 0");
		assertThat(asMap(answer.get("signing"))).containsEntry("secretCount", 2).doesNotContainKey("newSecret");
		assertThat(answer.get("signing").toString()).doesNotContain(secret);
		assertThat(TargetJson.represent(new WebhookTarget(backend.targets.getTargetByUuid(targetUuid)), "full").toString())
		        .doesNotContain(secret);
	}

	@Test
	void rotateSecret_shouldOverlapADayByDefaultAndRefuseBadHours() {
		controller().rotateSecret(targetUuid, null);
		assertThat(backend.targets.calls).containsExactly("rotateSigningSecret " + targetUuid + " 24");

		for (Object bad : new Object[] { -1, 721, "a week", 1.5 }) {
			Throwable refused = catchThrowable(() -> controller().rotateSecret(targetUuid, body("overlapHours", bad)));
			assertThat(FieldErrors.of(refused)).as("overlapHours %s", bad).containsOnlyKeys("overlapHours");
		}
	}

	@Test
	void enableAndDisable_shouldSwitchTheTargetAndAnswerItsRepresentation() {
		Map<String, Object> disabled = asMap(controller().disableTarget(targetUuid));
		assertThat(disabled).containsEntry("uuid", targetUuid).containsEntry("enabled", false);

		Map<String, Object> enabled = asMap(controller().enableTarget(targetUuid));
		assertThat(enabled).containsEntry("enabled", true);
		assertThat(backend.targets.calls).containsExactly("setTargetEnabled " + targetUuid + " false",
		    "setTargetEnabled " + targetUuid + " true");
	}

	@Test
	void retryFailedAndReplay_shouldPassTheTimeAndAnswerTheCount() {
		long since = Instant.parse("2026-11-27T00:00:00Z").toEpochMilli();

		assertThat(controller().retryFailed(targetUuid, body("since", "2026-11-27T00:00:00Z"))).hasToString("{count=3}");
		assertThat(controller().replay(targetUuid, body("since", "2026-11-27"))).hasToString("{count=3}");
		assertThat(backend.deliveries.calls).containsExactly("retryFailed " + targetUuid + " " + since,
		    "replay " + targetUuid + " " + since);
	}

	@Test
	void retryFailedAndReplay_shouldRequireAReadableSince() {
		Throwable missing = catchThrowable(() -> controller().replay(targetUuid, Collections.emptyMap()));
		Throwable unreadable = catchThrowable(() -> controller().retryFailed(targetUuid, body("since", "last week")));

		assertThat(RestStatus.of(missing, true)).isEqualTo(400);
		assertThat(FieldErrors.of(missing)).containsOnlyKeys("since");
		assertThat(FieldErrors.of(unreadable)).containsOnlyKeys("since");
		assertThat(backend.deliveries.calls).isEmpty();
	}

	@Test
	void retryDelivery_shouldRequeueAndAnswerTheDelivery() {
		Delivery d = new Delivery();
		d.setUuid("d-1");
		d.setStatus(DeliveryStatus.DEAD);
		d.setEventType("visit.created");
		backend.deliveries.deliveries.put("d-1", d);

		Map<String, Object> answer = asMap(controller().retryDelivery("d-1"));

		assertThat(answer).containsEntry("uuid", "d-1").containsEntry("status", "pending");
		assertThat(backend.deliveries.calls).containsExactly("retryDelivery d-1");
		assertThat(RestStatus.of(catchThrowable(() -> controller().retryDelivery("d-2")), true)).isEqualTo(404);
	}

	@Test
	void stats_shouldAnswerTheFiguresWithNullWhereThereWasNoAttempt() {
		DeliveryStats s = backend.deliveries.stats;
		s.setQueueDepth(12);
		s.setOldestPendingAgeMillis(3400);
		s.setDelivered(100);
		s.setDead(2);
		DeliveryStats.TargetStats quiet = new DeliveryStats.TargetStats();
		quiet.setTargetUuid("t-9");
		quiet.setTargetName("Quiet");
		DeliveryStats.TargetStats busy = new DeliveryStats.TargetStats();
		busy.setTargetName("Busy");
		busy.setSuccessRate(0.75);
		busy.setLatencyP50Millis(40);
		busy.setLatencyP95Millis(210);
		s.getTargets().add(quiet);
		s.getTargets().add(busy);
		s.getLastDay().add(new DeliveryStats.HourBucket(Instant.parse("2026-11-27T09:00:00Z").toEpochMilli(), 50, 4));

		Map<String, Object> answer = asMap(controller().stats());

		assertThat(answer).containsEntry("queueDepth", 12L).containsEntry("oldestPendingAgeMillis", 3400L)
		        .containsEntry("delivered", 100L).containsEntry("dead", 2L).containsKeys("failed", "captureFailures",
		            "eventsAwaitingFanOut");
		List<?> targets = (List<?>) answer.get("targets");
		assertThat(asMap(targets.get(0))).containsEntry("targetUuid", "t-9").containsEntry("successRate", null)
		        .containsEntry("latencyP50Millis", null).containsEntry("latencyP95Millis", null);
		assertThat(asMap(targets.get(1))).containsEntry("successRate", 0.75).containsEntry("latencyP95Millis", 210L);
		assertThat(answer.get("lastDay")).hasToString("[{hour=2026-11-27T09:00:00.000+0000, delivered=50, failedAttempts=4}]");
	}

	@Test
	void eventTypes_shouldListTheCatalogueWithResourceAndAction() {
		List<?> results = (List<?>) asMap(controller().eventTypes()).get("results");

		assertThat(results).hasSize(org.openmrs.module.webhooks.model.EventTypes.all().size());
		assertThat(results.get(0)).hasToString("{name=patient.created, resource=patient, action=created}");
		assertThat(results).extracting(Object::toString).contains("{name=obs.voided, resource=obs, action=voided}");
	}

	@Test
	void everyAction_shouldRefuseAnonymousCallersWith401() {
		caller = TestPrivileges.anonymous();

		for (Runnable call : everyAction()) {
			assertThat(RestStatus.of(catchThrowable(call::run), false)).isEqualTo(401);
		}
		assertThat(backend.targets.calls).isEmpty();
		assertThat(backend.deliveries.calls).isEmpty();
	}

	@Test
	void changingActions_shouldRefuseViewersWith403AndViewersMayReadStats() {
		caller = TestPrivileges.viewer();

		List<Runnable> actions = everyAction();
		for (Runnable call : actions.subList(0, actions.size() - 2)) {
			Throwable refused = catchThrowable(call::run);
			assertThat(RestStatus.of(refused, true)).isEqualTo(403);
			assertThat(refused).hasMessage("Privileges required: Manage Webhooks");
		}
		assertThat(backend.targets.calls).isEmpty();
		assertThat(backend.deliveries.calls).isEmpty();
		controller().stats();
		controller().eventTypes();
	}

	/** Every action; the two reads last. */
	private List<Runnable> everyAction() {
		WebhooksController c = controller();
		Map<String, Object> since = body("since", "2026-11-27");
		return java.util.Arrays.asList(() -> c.testTarget(targetUuid), () -> c.rotateSecret(targetUuid, null),
		    () -> c.enableTarget(targetUuid), () -> c.disableTarget(targetUuid), () -> c.retryFailed(targetUuid, since),
		    () -> c.replay(targetUuid, since), () -> c.retryDelivery("d-1"), c::stats, c::eventTypes);
	}

	private static Map<String, Object> body(String key, Object value) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(key, value);
		return body;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}
}
