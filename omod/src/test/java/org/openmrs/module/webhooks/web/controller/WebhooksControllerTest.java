package org.openmrs.module.webhooks.web.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.model.EventTypes;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.signing.WebhookVerifier;
import org.openmrs.module.webhooks.testsupport.Receiver;
import org.openmrs.module.webhooks.web.resource.DeliveryJson;
import org.openmrs.module.webhooks.web.resource.TargetJson;
import org.openmrs.module.webhooks.web.resource.WebhookTarget;
import org.openmrs.module.webhooks.web.testing.Backend;
import org.openmrs.module.webhooks.web.testing.DeliveryScenario;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;

/** The actions controller on the real services over H2, with the real HTTP transport and engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksControllerTest {

	private final Backend backend = new Backend();

	private Receiver receiver;

	private TestPrivileges caller;

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

	@BeforeAll
	void startReceiver() throws IOException {
		receiver = Receiver.start();
		receiver.respond(Receiver::statusByPath);
	}

	@BeforeEach
	void reset() {
		backend.reset();
		receiver.clear();
		caller = TestPrivileges.manager();
	}

	@AfterAll
	void close() {
		receiver.close();
		backend.close();
	}

	private WebhooksController controller() {
		return new WebhooksController(backend.services(), caller.guard(), json);
	}

	private String target(String url) {
		Target t = new Target();
		t.setName("Receiver");
		t.setUrl(url);
		t.setEventTypes(Arrays.asList("*"));
		t.getAuth().setType(TargetAuth.BEARER);
		t.getAuth().setToken("bearer-token-for-the-test-1");
		t.setSigningEnabled(true);
		return backend.targets.saveTarget(t).getTarget().getUuid();
	}

	@Test
	void testTarget_shouldSendARealSignedRequestAndAnswerWhatTheReceiverSaid() {
		String uuid = target(receiver.url("/hook"));
		String secret = backend.inClear(uuid).getSigningSecrets().get(0).getSecret();

		Map<String, Object> answer = asMap(controller().testTarget(uuid));

		assertThat(answer).containsEntry("success", true).containsEntry("statusCode", 200).containsEntry("error", null)
		        .containsEntry("responseExcerpt", "{\"ok\":true}");
		assertThat((Long) answer.get("durationMillis")).isNotNegative();
		Receiver.Request sent = receiver.requests().get(0);
		assertThat(sent.body()).contains("\"type\":\"webhooks.test\"");
		assertThat(sent.header("Authorization")).isEqualTo("Bearer bearer-token-for-the-test-1");
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : new String[] { "webhook-id", "webhook-timestamp", "webhook-signature" }) {
			headers.put(name, sent.header(name));
		}
		assertThat(WebhookVerifier.verify(headers, sent.bodyBytes(), secret, java.time.Instant.now(),
		    WebhookVerifier.DEFAULT_TOLERANCE).isValid()).isTrue();
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_delivery")).isZero();
	}

	@Test
	void testTarget_shouldAnswer200WithTheReceiversRefusalOrTheFailure() {
		Map<String, Object> refused = asMap(controller().testTarget(target(receiver.url("/status/401/hook"))));
		assertThat(refused).containsEntry("success", false).containsEntry("statusCode", 401);

		backend.allowHttp.set(true);
		Map<String, Object> unreachable = asMap(controller().testTarget(target("http://127.0.0.1:9/nobody")));
		assertThat(unreachable).containsEntry("success", false).containsEntry("statusCode", null);
		assertThat((String) unreachable.get("error")).isNotBlank();
	}

	@Test
	void targetActions_shouldAnswer404ForAnUnknownTarget() {
		WebhooksController c = controller();
		Map<String, Object> since = body("since", "2026-11-27");
		for (Runnable call : Arrays.<Runnable> asList(() -> c.testTarget("nope"), () -> c.rotateSecret("nope", null),
		    () -> c.enableTarget("nope"), () -> c.disableTarget("nope"), () -> c.retryFailed("nope", since),
		    () -> c.replay("nope", since), () -> c.retryDelivery("nope"))) {
			assertThat(RestStatus.of(catchThrowable(call::run), true)).isEqualTo(404);
		}
		assertThat(receiver.requests()).isEmpty();
	}

	@Test
	void rotateSecret_shouldShowTheNewSecretOnceAndKeepTheOldForTheOverlap() {
		String uuid = target(receiver.url("/hook"));
		String old = backend.inClear(uuid).getSigningSecrets().get(0).getSecret();

		Map<String, Object> answer = asMap(controller().rotateSecret(uuid, body("overlapHours", 2)));

		String secret = (String) answer.get("newSecret");
		assertThat(secret).startsWith("whsec_").isNotEqualTo(old);
		assertThat(backend.inClear(uuid).getSigningSecrets()).extracting(s -> s.getSecret()).containsExactly(secret, old);
		assertThat(asMap(answer.get("signing"))).containsEntry("secretCount", 2).doesNotContainKey("newSecret");
		assertThat(answer.get("signing").toString()).doesNotContain(secret).doesNotContain(old);
		assertThat(TargetJson.represent(new WebhookTarget(backend.targets.getTargetByUuid(uuid)), "full").toString())
		        .doesNotContain(secret).doesNotContain(old);
	}

	@Test
	void rotateSecret_shouldOverlapADayByDefaultAndRefuseBadHours() {
		String uuid = target(receiver.url("/hook"));
		controller().rotateSecret(uuid, null);
		long expiresAt = backend.inClear(uuid).getSigningSecrets().get(1).getExpiresAt();
		assertThat(expiresAt - backend.clock.millis()).isBetween(23 * 3_600_000L, 24 * 3_600_000L);

		for (Object bad : new Object[] { -1, 721, "a week", 1.5 }) {
			Throwable refused = catchThrowable(() -> controller().rotateSecret(uuid, body("overlapHours", bad)));
			assertThat(RestStatus.of(refused, true)).isEqualTo(400);
			assertThat(FieldErrors.of(refused)).as("overlapHours %s", bad).containsOnlyKeys("overlapHours");
		}
		assertThat(backend.inClear(uuid).getSigningSecrets()).hasSize(2);
	}

	@Test
	void enableAndDisable_shouldSwitchTheStoredTargetAndAnswerItsRepresentation() {
		String uuid = target(receiver.url("/hook"));

		assertThat(asMap(controller().disableTarget(uuid))).containsEntry("uuid", uuid).containsEntry("enabled", false);
		assertThat(backend.inClear(uuid).isEnabled()).isFalse();
		assertThat(asMap(controller().enableTarget(uuid))).containsEntry("enabled", true);
		assertThat(backend.inClear(uuid).isEnabled()).isTrue();
	}

	@Test
	void retryAndRetryFailed_shouldRequeueTheRealDeliveries() {
		DeliveryScenario log = new DeliveryScenario(backend, receiver);
		Delivery dead = one(log.broken, DeliveryStatus.DEAD);

		Map<String, Object> retried = asMap(controller().retryDelivery(dead.getUuid()));
		assertThat(retried).containsEntry("uuid", dead.getUuid()).containsEntry("status", "pending");
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = 'PENDING'")).isEqualTo(1);

		assertThat(controller().retryFailed(log.refused, body("since", "2020-01-01T00:00:00Z"))).hasToString("{count=2}");
		assertThat(controller().retryFailed(log.refused, body("since", "2099-01-01"))).hasToString("{count=0}");
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = 'PENDING'")).isEqualTo(3);

		backend.deliverAll();
		// the manual retry is one attempt more, recorded as manual
		Delivery again = backend.deliveries.getDeliveryByUuid(dead.getUuid());
		assertThat(again.getStatus()).isEqualTo(DeliveryStatus.DEAD);
		assertThat(again.getAttemptLog()).hasSize(2);
		assertThat(again.getAttemptLog().get(1).isManual()).isTrue();
	}

	@Test
	void replay_shouldCreateDeliveriesForTheMatchingEventsSinceThen() {
		DeliveryScenario log = new DeliveryScenario(backend, receiver);
		String late = target(receiver.url("/hook"));

		// every event matches "*": 2 occurred at or after T3
		String since = java.time.Instant.ofEpochMilli(DeliveryScenario.T3).toString();
		assertThat(controller().replay(late, body("since", since))).hasToString("{count=2}");
		backend.deliverAll();
		assertThat(backend.deliveries.searchDeliveries(new DeliverySearch().setTargetUuid(late)).getRows())
		        .extracting(Delivery::getEventUuid).containsExactlyInAnyOrder(log.obsCreated, log.encounterUpdated);
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = 'DELIVERED'")).isEqualTo(6);
	}

	@Test
	void retryFailedAndReplay_shouldRequireAReadableSince() {
		String uuid = target(receiver.url("/hook"));
		Throwable missing = catchThrowable(() -> controller().replay(uuid, Collections.emptyMap()));
		Throwable unreadable = catchThrowable(() -> controller().retryFailed(uuid, body("since", "last week")));

		assertThat(RestStatus.of(missing, true)).isEqualTo(400);
		assertThat(FieldErrors.of(missing)).containsOnlyKeys("since");
		assertThat(FieldErrors.of(unreadable)).containsOnlyKeys("since");
	}

	@Test
	void stats_shouldCountTheRealDeliveries() {
		DeliveryScenario log = new DeliveryScenario(backend, receiver);

		Map<String, Object> answer = asMap(controller().stats());

		assertThat(answer).containsEntry("queueDepth", 0L).containsEntry("delivered", 4L).containsEntry("failed", 2L)
		        .containsEntry("dead", 1L).containsEntry("eventsAwaitingFanOut", 0L).containsKeys("oldestPendingAgeMillis",
		            "captureFailures", "lastDay");
		List<?> targets = (List<?>) answer.get("targets");
		Map<String, Object> ok = byTarget(targets, log.ok);
		assertThat(ok).containsEntry("targetName", "ok").containsEntry("delivered", 4L).containsEntry("successRate", 1.0);
		assertThat((Long) ok.get("latencyP50Millis")).isNotNull();
		assertThat(byTarget(targets, log.refused)).containsEntry("failed", 2L).containsEntry("successRate", 0.0);
		assertThat(byTarget(targets, log.broken)).containsEntry("dead", 1L);
	}

	@Test
	void eventTypes_shouldListTheCatalogueWithResourceAndAction() {
		List<?> results = (List<?>) asMap(controller().eventTypes()).get("results");

		assertThat(results).hasSize(EventTypes.all().size());
		assertThat(results.get(0)).hasToString("{name=patient.created, resource=patient, action=created}");
		assertThat(results).extracting(Object::toString).contains("{name=obs.voided, resource=obs, action=voided}");
	}

	@Test
	void everyAction_shouldRefuseAnonymousCallersWith401AndViewersWith403() {
		String uuid = target(receiver.url("/hook"));
		caller = TestPrivileges.anonymous();
		for (Runnable call : everyAction(uuid)) {
			assertThat(RestStatus.of(catchThrowable(call::run), false)).isEqualTo(401);
		}

		caller = TestPrivileges.viewer();
		List<Runnable> actions = everyAction(uuid);
		for (Runnable call : actions.subList(0, actions.size() - 2)) {
			Throwable refused = catchThrowable(call::run);
			assertThat(RestStatus.of(refused, true)).isEqualTo(403);
			assertThat(refused).hasMessage("Privileges required: Manage Webhooks");
		}
		assertThat(receiver.requests()).isEmpty();
		assertThat(backend.inClear(uuid).getSigningSecrets()).hasSize(1);
		assertThat(backend.inClear(uuid).isEnabled()).isTrue();
		controller().stats();
		controller().eventTypes();
	}

	/** Every action; the two reads last. */
	private List<Runnable> everyAction(String uuid) {
		WebhooksController c = controller();
		Map<String, Object> since = body("since", "2026-11-27");
		return Arrays.asList(() -> c.testTarget(uuid), () -> c.rotateSecret(uuid, null), () -> c.enableTarget(uuid),
		    () -> c.disableTarget(uuid), () -> c.retryFailed(uuid, since), () -> c.replay(uuid, since),
		    () -> c.retryDelivery("d-1"), c::stats, c::eventTypes);
	}

	private Delivery one(String targetUuid, DeliveryStatus status) {
		return backend.deliveries.searchDeliveries(new DeliverySearch().setTargetUuid(targetUuid).setStatus(status))
		        .getRows().get(0);
	}

	private static Map<String, Object> byTarget(List<?> targets, String uuid) {
		for (Object t : targets) {
			if (uuid.equals(asMap(t).get("targetUuid"))) {
				return asMap(t);
			}
		}
		throw new AssertionError("no stats for " + uuid);
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
