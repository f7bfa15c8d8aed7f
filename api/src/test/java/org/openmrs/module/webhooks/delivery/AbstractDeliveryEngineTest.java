package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.testsupport.SettableClock;
import org.openmrs.module.webhooks.testsupport.Eventually;
import org.openmrs.module.webhooks.testsupport.Receiver;
import org.openmrs.module.webhooks.testsupport.Receiver.Response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.DeliveryStats;
import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.api.impl.DeliveryServiceImpl;
import org.openmrs.module.webhooks.delivery.store.RetentionStore;
import org.openmrs.module.webhooks.model.Attempt;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetState;
import org.openmrs.module.webhooks.testdb.TestDatabase;

import com.standardwebhooks.Webhook;

/** The delivery engine against a real database and real HTTP receivers; one subclass per database. */
abstract class AbstractDeliveryEngineTest {

	static final long T0 = 1_800_000_000_000L;

	/** Jitter source that always answers the middle: the exact schedule. */
	static final Random NO_JITTER = new Random() {

		private static final long serialVersionUID = 1L;

		@Override
		public double nextDouble() {
			return 0.5;
		}
	};

	abstract TestDatabase.Kind kind();

	TestDatabase db;

	Receiver receiver;

	TestTargets targets;

	Outbox outbox;

	TestSettings settings;

	LatchWakeUp wakeUp;

	final List<DeliveryEngine> engines = new ArrayList<>();

	/** The module's real HTTP client, one per test like the one bean OpenMRS has. */
	Transport transport;

	@BeforeEach
	void setUp() throws Exception {
		db = TestDatabase.create(kind(), 24).migrate();
		receiver = Receiver.start();
		targets = new TestTargets(db);
		outbox = new Outbox(db);
		settings = new TestSettings();
		wakeUp = new LatchWakeUp();
		transport = TestTransports.loopback();
	}

	@AfterEach
	void tearDown() {
		for (DeliveryEngine e : engines) {
			e.stop();
		}
		receiver.close();
		db.close();
		try {
			transport.close();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	DeliveryEngine engine(Clock clock, EngineOptions options) {
		DeliveryEngine e = new DeliveryEngine(db, targets, transport,
		        new RequestFactory(new JsonPayloads(), new HmacSigner()), settings, wakeUp, clock, NO_JITTER,
		        options.withPollMillis(50));
		engines.add(e);
		e.start();
		return e;
	}

	DeliveryEngine engine(Clock clock) {
		return engine(clock, EngineOptions.defaults().withWorkers(4));
	}

	Target target(String name) throws Exception {
		return targets.add(TestTargets.target(name, receiverUrl()));
	}

	/** The receiver's URL for the targets. */
	String receiverUrl() {
		return receiver.url("/hook");
	}

	/** How many times each webhook-id arrived. */
	Map<String, Long> countsById() {
		return receiver.requests().stream().collect(Collectors.groupingBy(Receiver.Request::webhookId,
		    Collectors.counting()));
	}

	long deliveryField(String eventUuid, String column) throws Exception {
		return outbox.count("SELECT d." + column + " FROM webhooks_delivery d JOIN webhooks_event e"
		        + " ON e.event_id = d.event_id WHERE e.uuid = ?", eventUuid);
	}

	String status(String eventUuid) throws Exception {
		return (String) outbox.rows("SELECT d.status FROM webhooks_delivery d JOIN webhooks_event e"
		        + " ON e.event_id = d.event_id WHERE e.uuid = ?", eventUuid).get(0)[0];
	}

	void awaitAttempts(String eventUuid, int attempts) throws Exception {
		Eventually.until(eventUuid + " has " + attempts + " attempts",
		    () -> outbox.count("SELECT COUNT(*) FROM webhooks_delivery d JOIN webhooks_event e ON e.event_id ="
		            + " d.event_id WHERE e.uuid = ? AND d.attempts = ? AND d.lease_owner IS NULL", eventUuid,
		        attempts) == 1);
	}

	@Test
	void fanOut_shouldCreateOneDeliveryPerMatchingTarget_evenWhileDeliveryIsPaused() throws Exception {
		settings.deliveryEnabled = false;
		Target encountersOfType1 = TestTargets.target("enc", receiverUrl());
		encountersOfType1.getEventTypes().clear();
		encountersOfType1.getEventTypes().add("encounter.*");
		encountersOfType1.getFilters().getEncounterTypes().add("ET1");
		targets.add(encountersOfType1);
		Target everything = TestTargets.target("all", receiverUrl());
		everything.setOrdering(Target.ORDERING_NONE);
		targets.add(everything);
		Target patientsAtLocation = TestTargets.target("pat", receiverUrl());
		patientsAtLocation.getEventTypes().clear();
		patientsAtLocation.getEventTypes().add("patient.created");
		patientsAtLocation.getFilters().getLocations().add("L1");
		targets.add(patientsAtLocation);

		String e1 = outbox.add("encounter.created", "P1", T0, Map.of("encounterType", "ET1", "location", "L9"));
		String e2 = outbox.add("encounter.created", "P1", T0, Map.of("encounterType", "ET2"));
		String e3 = outbox.add("patient.created", "P1", T0, null);
		String e4 = outbox.add("obs.created", "P1", T0, Map.of("concept", "C1"));
		engine(new SettableClock(T0));

		Eventually.until("fan-out done",
		    () -> outbox.count("SELECT COUNT(*) FROM webhooks_event WHERE fanout_state = 0") == 0);
		Map<String, List<String>> byTarget = new HashMap<>();
		for (Object[] r : outbox.rows("SELECT t.name, e.uuid, d.ordering_key, d.status FROM webhooks_delivery d"
		        + " JOIN webhooks_event e ON e.event_id = d.event_id JOIN webhooks_target t ON t.target_id = d.target_id"
		        + " ORDER BY e.event_id")) {
			byTarget.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r[1] + "/" + r[2] + "/" + r[3]);
		}
		assertThat(byTarget.get("enc")).containsExactly(e1 + "/P1/PENDING");
		assertThat(byTarget.get("all")).containsExactly(e1 + "/null/PENDING", e2 + "/null/PENDING",
		    e3 + "/null/PENDING", e4 + "/null/PENDING");
		// the location filter does not apply: a patient.created event carries no location
		assertThat(byTarget.get("pat")).containsExactly(e3 + "/P1/PENDING");
		Thread.sleep(200);
		assertThat(receiver.count()).isZero();

		settings.deliveryEnabled = true;
		wakeUp.signal();
		Eventually.until("all delivered", () -> outbox.deliveries("DELIVERED") == 6);
	}

	@Test
	void ordering_shouldHoldBackOnlyTheFailingPatientsLaterEvents() throws Exception {
		SettableClock clock = new SettableClock(T0);
		target("ordered");
		String a1 = outbox.add("encounter.created", "PA", T0, null);
		String b1 = outbox.add("encounter.created", "PB", T0, null);
		String a2 = outbox.add("encounter.updated", "PA", T0, null);
		String b2 = outbox.add("encounter.updated", "PB", T0, null);
		String a3 = outbox.add("encounter.voided", "PA", T0, null);
		String b3 = outbox.add("encounter.voided", "PB", T0, null);
		AtomicInteger a1Tries = new AtomicInteger();
		receiver.respond(r -> a1.equals(r.webhookId()) && a1Tries.incrementAndGet() <= 2 ? Response.status(500)
		        : Response.ok());
		engine(clock);

		Eventually.until("B delivered", () -> outbox.deliveries("DELIVERED") == 3);
		awaitAttempts(a1, 1);
		clock.advance(Duration.ofSeconds(5));
		wakeUp.signal();
		awaitAttempts(a1, 2);
		Thread.sleep(200);
		assertThat(status(a2)).isEqualTo("PENDING");
		assertThat(status(a3)).isEqualTo("PENDING");
		clock.advance(Duration.ofMinutes(5));
		wakeUp.signal();
		Eventually.until("all delivered", () -> outbox.deliveries("DELIVERED") == 6);

		List<String> ids = receiver.requests().stream().map(Receiver.Request::webhookId).toList();
		assertThat(ids.stream().filter(id -> id.equals(a1) || id.equals(a2) || id.equals(a3)).toList())
		        .containsExactly(a1, a1, a1, a2, a3);
		assertThat(ids.stream().filter(id -> id.equals(b1) || id.equals(b2) || id.equals(b3)).toList())
		        .containsExactly(b1, b2, b3);
		// B was not held back by A: all of B arrived before A's second attempt
		assertThat(ids.indexOf(b3)).isLessThan(ids.lastIndexOf(a1));
	}

	@Test
	void twoNodes_shouldDeliverTenThousandEventsExactlyOnce() throws Exception {
		twoNodesExactlyOnce(10_000, false);
	}

	@Test
	void twoNodes_withOptimisticClaims_shouldDeliverEachExactlyOnce() throws Exception {
		twoNodesExactlyOnce(2_000, true);
	}

	private void twoNodesExactlyOnce(int n, boolean optimistic) throws Exception {
		Target t = TestTargets.target("cluster", receiverUrl());
		t.setMaxConcurrency(16);
		targets.add(t);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(new Object[] { UUID.randomUUID().toString(), "obs.created", "P" + (i % 300), T0, null });
			if (rows.size() == 1000) {
				outbox.insert(rows);
				rows.clear();
			}
		}
		outbox.insert(rows);
		EngineOptions options = EngineOptions.defaults().withWorkers(8).withOptimisticClaim(optimistic);
		engine(Clock.systemUTC(), options);
		engine(Clock.systemUTC(), options);

		Eventually.until("all delivered", () -> outbox.deliveries("DELIVERED") == n, Duration.ofSeconds(180));
		assertThat(countsById()).hasSize(n);
		assertThat(countsById().values()).allMatch(c -> c == 1);
		assertThat(outbox.count("SELECT COUNT(*) FROM webhooks_attempt")).isEqualTo(n);
	}

	@Test
	void lease_shouldBeTakenOverAfterAWorkerDies() throws Exception {
		Target t = TestTargets.target("slow", receiverUrl());
		t.setTimeoutSeconds(1);
		t.setMaxConcurrency(4);
		t.setOrdering(Target.ORDERING_NONE);
		targets.add(t);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			rows.add(new Object[] { UUID.randomUUID().toString(), "obs.created", "P" + i, T0, null });
		}
		outbox.insert(rows);
		receiver.respond(r -> Response.ok().delay(Duration.ofMillis(100)));
		EngineOptions options = EngineOptions.defaults().withWorkers(4).withLeaseMillis(1000);
		DeliveryEngine dying = engine(Clock.systemUTC(), options);
		Eventually.until("some delivered", () -> outbox.deliveries("DELIVERED") >= 10);
		dying.crash();
		List<Object> orphaned = outbox.rows("SELECT e.uuid FROM webhooks_delivery d JOIN webhooks_event e"
		        + " ON e.event_id = d.event_id WHERE d.status = 'PENDING' AND d.lease_owner LIKE ?", dying.nodeId() + "%")
		        .stream().map(r -> r[0]).toList();
		assertThat(orphaned).isNotEmpty();

		receiver.respond(r -> Response.ok());
		engine(Clock.systemUTC(), options);
		Eventually.until("all delivered", () -> outbox.deliveries("DELIVERED") == 100);
		assertThat(countsById()).hasSize(100);
		// only attempts in flight when the node died (sent, outcome not yet written) can arrive twice
		List<String> duplicated = countsById().entrySet().stream().filter(en -> en.getValue() > 1)
		        .map(Map.Entry::getKey).toList();
		assertThat(duplicated).allMatch(orphaned::contains);
		assertThat(countsById().values()).allMatch(c -> c <= 2);
	}

	@Test
	void retries_shouldFollowTheSvixScheduleAndEndDead() throws Exception {
		SettableClock clock = new SettableClock(T0);
		target("down");
		receiver.respond(r -> Response.status(503));
		String e = outbox.add("patient.updated", "P1", T0, null);
		engine(clock);
		long[] delays = { 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000 };
		long now = T0;
		for (int attempt = 1; attempt <= 7; attempt++) {
			awaitAttempts(e, attempt);
			assertThat(deliveryField(e, "next_attempt_at")).as("after attempt " + attempt).isEqualTo(now + delays[attempt - 1]);
			now += delays[attempt - 1];
			clock.set(now);
			wakeUp.signal();
		}
		awaitAttempts(e, 8);
		assertThat(status(e)).isEqualTo("DEAD");
		assertThat(outbox.count("SELECT COUNT(*) FROM webhooks_attempt WHERE status_code = 503")).isEqualTo(8);
	}

	@Test
	void retryAfter_shouldBeHonouredWithinTheScheduledDelayAndTwiceIt() throws Exception {
		SettableClock clock = new SettableClock(T0);
		target("throttled");
		receiver.respond(r -> Response.status(429).header("Retry-After", "60").body("slow down"));
		String e = outbox.add("patient.updated", "P1", T0, null);
		engine(clock);
		awaitAttempts(e, 1);
		// scheduled 5 s, asked 60 s: at most twice the schedule
		assertThat(deliveryField(e, "next_attempt_at")).isEqualTo(T0 + 10_000);
		receiver.respond(r -> Response.status(429).header("Retry-After", "400").body("slow down"));
		clock.set(T0 + 10_000);
		wakeUp.signal();
		awaitAttempts(e, 2);
		// scheduled 5 min, asked 400 s: honoured
		assertThat(deliveryField(e, "next_attempt_at")).isEqualTo(T0 + 10_000 + 400_000);
	}

	@Test
	void gone_shouldFailTheDeliveryAndDisableTheTarget() throws Exception {
		SettableClock clock = new SettableClock(T0);
		Target t = target("gone");
		receiver.respond(r -> Response.status(410));
		String e1 = outbox.add("patient.updated", "P1", T0, null);
		engine(clock);
		awaitAttempts(e1, 1);
		assertThat(status(e1)).isEqualTo("FAILED");
		Eventually.until("disabled", () -> targets.state(t) == TargetState.DISABLED);
		String e2 = outbox.add("patient.updated", "P2", T0, null);
		wakeUp.signal();
		Eventually.until("fanned out", () -> outbox.count("SELECT COUNT(*) FROM webhooks_delivery") == 2);
		Thread.sleep(200);
		assertThat(status(e2)).isEqualTo("PENDING");
		assertThat(receiver.count()).isEqualTo(1);
	}

	@Test
	void clientError_shouldFailPermanentlyAndKeepTheTargetActive() throws Exception {
		Target t = target("picky");
		receiver.respond(r -> Response.status(422).body("status 422"));
		String e = outbox.add("patient.updated", "P1", T0, null);
		engine(new SettableClock(T0));
		awaitAttempts(e, 1);
		assertThat(status(e)).isEqualTo("FAILED");
		assertThat(targets.state(t)).isEqualTo(TargetState.ACTIVE);
		assertThat(outbox.rows("SELECT status_code, response_excerpt FROM webhooks_attempt").get(0))
		        .containsExactly(422, "status 422");
	}

	@Test
	void redirect_shouldNotBeFollowedAndFail() throws Exception {
		target("moved");
		receiver.respond(r -> Response.status(302).body("elsewhere"));
		String e = outbox.add("patient.updated", "P1", T0, null);
		engine(new SettableClock(T0));
		awaitAttempts(e, 1);
		assertThat(status(e)).isEqualTo("FAILED");
		assertThat(receiver.count()).isEqualTo(1);
	}

	@Test
	void maxAttempts_shouldMakeTheDeliveryDead() throws Exception {
		SettableClock clock = new SettableClock(T0);
		Target t = TestTargets.target("few", receiverUrl());
		t.setMaxAttempts(2);
		targets.add(t);
		receiver.respond(r -> Response.status(500));
		String e = outbox.add("patient.updated", "P1", T0, null);
		engine(clock);
		awaitAttempts(e, 1);
		clock.advance(Duration.ofSeconds(5));
		wakeUp.signal();
		awaitAttempts(e, 2);
		assertThat(status(e)).isEqualTo("DEAD");
	}

	@Test
	void circuitBreaker_shouldPauseThenProbeThenRecover() throws Exception {
		SettableClock clock = new SettableClock(T0);
		Target t = TestTargets.target("flaky", receiverUrl());
		t.setOrdering(Target.ORDERING_NONE);
		targets.add(t);
		receiver.respond(r -> Response.status(500));
		for (int i = 0; i < 3; i++) {
			outbox.add("patient.updated", "P" + i, T0, null);
		}
		EngineOptions options = EngineOptions.defaults().withWorkers(4)
		        .withCircuitBreaker(new CircuitBreaker(3, 10_000, 3_600_000, 5L * 86_400_000))
		        .withRetryPolicy(RetryPolicy.svix().withDelays(1_000));
		engine(clock, options);
		Eventually.until("3 failures", () -> outbox.count("SELECT COUNT(*) FROM webhooks_attempt") == 3);
		Eventually.until("paused", () -> targets.state(t) == TargetState.PAUSED);
		assertThat(outbox.count("SELECT paused_until FROM webhooks_target")).isEqualTo(T0 + 10_000);

		// retries are due, but the breaker holds them back
		clock.advance(Duration.ofSeconds(2));
		wakeUp.signal();
		Thread.sleep(300);
		assertThat(receiver.count()).isEqualTo(3);

		// the pause is over: exactly one probe, which fails, and the target pauses again for as long as it has
		// been failing (10 s since the first failure at T0)
		clock.set(T0 + 10_000);
		wakeUp.signal();
		Eventually.until("probe sent", () -> outbox.count("SELECT COUNT(*) FROM webhooks_attempt") == 4);
		Eventually.until("pause extended",
		    () -> outbox.count("SELECT paused_until FROM webhooks_target") == T0 + 10_000 + 10_000);
		Thread.sleep(200);
		assertThat(receiver.count()).isEqualTo(4);
		assertThat(targets.state(t)).isEqualTo(TargetState.PAUSED);

		// the receiver is back: the next probe succeeds and everything flows
		receiver.respond(r -> Response.ok());
		clock.set(T0 + 30_000);
		wakeUp.signal();
		Eventually.until("all delivered", () -> outbox.deliveries("DELIVERED") == 3);
		// health is recorded in its own transaction right after the outcomes
		Eventually.until("active again", () -> targets.state(t) == TargetState.ACTIVE
		        && outbox.count("SELECT consecutive_failures FROM webhooks_target") == 0);
	}

	@Test
	void failingForTooLong_shouldDisableTheTarget() throws Exception {
		SettableClock clock = new SettableClock(T0);
		Target t = target("dead-endpoint");
		receiver.respond(r -> Response.status(500));
		EngineOptions options = EngineOptions.defaults().withWorkers(2)
		        .withCircuitBreaker(new CircuitBreaker(100, 1_000, 1_000, 60_000))
		        .withRetryPolicy(RetryPolicy.svix().withDelays(40_000));
		String e = outbox.add("patient.updated", "P1", T0, null);
		engine(clock, options);
		awaitAttempts(e, 1);
		clock.advance(Duration.ofSeconds(40));
		wakeUp.signal();
		awaitAttempts(e, 2);
		assertThat(targets.state(t)).isEqualTo(TargetState.ACTIVE);
		clock.advance(Duration.ofSeconds(40));
		wakeUp.signal();
		awaitAttempts(e, 3);
		// health is recorded in its own transaction right after the attempt's
		Eventually.until("disabled", () -> targets.state(t) == TargetState.DISABLED);
	}

	@Test
	void request_shouldCarrySignedStandardWebhooksHeadersAuthAndCustomHeaders() throws Exception {
		long now = System.currentTimeMillis();
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		Target t = TestTargets.target("signed", receiverUrl());
		t.setSigningEnabled(true);
		t.getSigningSecrets().add(new SigningSecret(secret, now, 0));
		t.getSigningSecrets().add(new SigningSecret("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
		        now - 10, now - 1));
		t.getAuth().setType(TargetAuth.API_KEY);
		t.getAuth().setHeaderName("x-api-key");
		t.getAuth().setValue("k3y");
		t.getHeaders().put("X-Custom", "c1");
		targets.add(t);
		String e = outbox.add("visit.created", "P1", T0, null);
		engine(new SettableClock(now));
		Eventually.until("delivered", () -> outbox.deliveries("DELIVERED") == 1);

		Receiver.Request r = receiver.requests().get(0);
		assertThat(r.webhookId()).isEqualTo(e);
		assertThat(r.header("webhook-timestamp")).isEqualTo(Long.toString(now / 1000));
		assertThat(r.header("webhook-signature")).startsWith("v1,").doesNotContain(" ");
		assertThat(r.header("x-api-key")).isEqualTo("k3y");
		assertThat(r.header("X-Custom")).isEqualTo("c1");
		Map<String, List<String>> headers = new HashMap<>();
		headers.put("webhook-id", List.of(r.webhookId()));
		headers.put("webhook-timestamp", List.of(r.header("webhook-timestamp")));
		headers.put("webhook-signature", List.of(r.header("webhook-signature")));
		new Webhook(secret).verify(r.body(), headers);
	}

	@Test
	void batching_shouldSendSeveralEventsPerRequest() throws Exception {
		Target t = TestTargets.target("bulk", receiverUrl());
		t.setBatchSize(10);
		t.setMaxConcurrency(1);
		t.setOrdering(Target.ORDERING_NONE);
		targets.add(t);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			rows.add(new Object[] { UUID.randomUUID().toString(), "obs.created", "P1", T0, null });
		}
		outbox.insert(rows);
		engine(new SettableClock(T0));
		Eventually.until("delivered", () -> outbox.deliveries("DELIVERED") == 25);
		assertThat(receiver.count()).isEqualTo(3);
		assertThat(receiver.requests()).allMatch(r -> r.body().startsWith("{\"type\":\"batch\"") && r.webhookId().startsWith("batch_"));
		assertThat(outbox.count("SELECT COUNT(*) FROM webhooks_attempt")).isEqualTo(25);
	}

	@Test
	void stop_shouldWaitForThreadsAndTheEngineShouldRestart() throws Exception {
		target("restart");
		outbox.add("patient.updated", "P1", T0, null);
		DeliveryEngine e = engine(new SettableClock(T0));
		Eventually.until("delivered", () -> outbox.deliveries("DELIVERED") == 1);
		e.stop();
		// the engine's own threads; the HTTP transport (a bean of its own, shared with test sends) keeps its timer
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
		    th -> th.getName().startsWith("webhooks-") && !th.getName().startsWith("webhooks-http-") && th.isAlive());
		outbox.add("patient.updated", "P1", T0, null);
		e.start();
		Eventually.until("delivered after restart", () -> outbox.deliveries("DELIVERED") == 2);
	}

	DeliveryServiceImpl service(Clock clock) {
		return new DeliveryServiceImpl(db, targets, clock, wakeUp);
	}

	@Test
	void retryDelivery_shouldSendAFailedDeliveryOnceMore() throws Exception {
		SettableClock clock = new SettableClock(T0);
		target("fixed-later");
		receiver.respond(r -> Response.status(422));
		String e = outbox.add("patient.updated", "P1", T0, null);
		engine(clock);
		awaitAttempts(e, 1);
		String uuid = (String) outbox.rows("SELECT uuid FROM webhooks_delivery").get(0)[0];

		receiver.respond(r -> Response.ok());
		assertThat(service(clock).retryDelivery(uuid).getStatus()).isIn(DeliveryStatus.PENDING, DeliveryStatus.DELIVERED);
		Eventually.until("delivered", () -> outbox.deliveries("DELIVERED") == 1);
		Delivery d = service(clock).getDeliveryByUuid(uuid);
		assertThat(d.getAttempts()).isEqualTo(2);
		assertThat(d.getAttemptLog()).extracting(Attempt::getStatusCode).containsExactly(422, 200);
		assertThat(d.getAttemptLog()).extracting(Attempt::isManual).containsExactly(false, true);
	}

	@Test
	void retryFailed_shouldRequeueDeadAndFailedAsSingleAttempts() throws Exception {
		SettableClock clock = new SettableClock(T0);
		Target t = TestTargets.target("once", receiverUrl());
		t.setMaxAttempts(1);
		targets.add(t);
		receiver.respond(r -> Response.status(503));
		String e1 = outbox.add("patient.updated", "P1", T0, null);
		String e2 = outbox.add("patient.updated", "P2", T0, null);
		engine(clock);
		Eventually.until("dead", () -> outbox.deliveries("DEAD") == 2);

		// still failing: each requeued delivery gets exactly one more attempt and is DEAD again
		assertThat(service(clock).retryFailed(t.getUuid(), T0)).isEqualTo(2);
		Eventually.until("dead again", () -> outbox.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = 'DEAD'"
		        + " AND attempts = 2") == 2);
		receiver.respond(r -> Response.ok());
		assertThat(service(clock).retryFailed(t.getUuid(), T0)).isEqualTo(2);
		Eventually.until("delivered", () -> outbox.deliveries("DELIVERED") == 2);
		assertThat(receiver.requests()).extracting(Receiver.Request::webhookId).containsOnly(e1, e2).hasSize(6);
	}

	@Test
	void replay_shouldSendEveryMatchingEventSinceTheGivenTimeToTheTarget() throws Exception {
		SettableClock clock = new SettableClock(T0);
		target("first");
		outbox.add("patient.created", "P1", T0 - 10_000, null);
		String e2 = outbox.add("patient.updated", "P1", T0, null);
		String e3 = outbox.add("encounter.created", "P1", T0 + 1, null);
		engine(clock);
		Eventually.until("delivered to the first target", () -> outbox.deliveries("DELIVERED") == 3);

		Target late = TestTargets.target("late", receiverUrl());
		late.getEventTypes().clear();
		late.getEventTypes().add("patient.*");
		late.getEventTypes().add("encounter.created");
		targets.add(late);
		assertThat(service(clock).replay(late.getUuid(), T0)).isEqualTo(2);
		Eventually.until("replayed", () -> outbox.deliveries("DELIVERED") == 5);
		assertThat(receiver.requests().subList(3, 5)).extracting(Receiver.Request::webhookId).containsExactly(e2, e3);
	}

	@Test
	void searchAndStats_shouldReportTheQueueAndOutcomes() throws Exception {
		SettableClock clock = new SettableClock(T0);
		Target t = target("mixed");
		receiver.respond(r -> r.body().contains("\"type\":\"patient.voided\"") ? Response.status(400)
		        : Response.ok());
		outbox.add("patient.created", "P1", T0, null);
		outbox.add("patient.updated", "P2", T0, null);
		outbox.add("patient.voided", "P3", T0, null);
		engine(clock);
		Eventually.until("done", () -> outbox.deliveries("DELIVERED") == 2 && outbox.deliveries("FAILED") == 1);
		settings.deliveryEnabled = false;
		outbox.add("patient.updated", "P4", T0, null);
		wakeUp.signal();
		Eventually.until("fanned out", () -> outbox.count("SELECT COUNT(*) FROM webhooks_delivery") == 4);
		clock.advance(Duration.ofSeconds(7));

		DeliveryStats stats = service(clock).getStats();
		assertThat(stats.getQueueDepth()).isEqualTo(1);
		assertThat(stats.getOldestPendingAgeMillis()).isEqualTo(7_000);
		assertThat(stats.getDelivered()).isEqualTo(2);
		assertThat(stats.getFailed()).isEqualTo(1);
		assertThat(stats.getDead()).isZero();
		assertThat(stats.getEventsAwaitingFanOut()).isZero();
		DeliveryStats.TargetStats ts = stats.getTargets().get(0);
		assertThat(ts.getTargetUuid()).isEqualTo(t.getUuid());
		assertThat(ts.getPending()).isEqualTo(1);
		assertThat(ts.getSuccessRate()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(ts.getLatencyP50Millis()).isPositive();
		assertThat(stats.getLastDay()).hasSize(24);
		assertThat(stats.getLastDay().get(23).getDelivered()).isEqualTo(2);
		assertThat(stats.getLastDay().get(23).getFailedAttempts()).isEqualTo(1);

		Page<Delivery> failed = service(clock).searchDeliveries(new DeliverySearch().setStatus(DeliveryStatus.FAILED));
		assertThat(failed.getRows()).hasSize(1);
		assertThat(failed.getRows().get(0).getPatientUuid()).isEqualTo("P3");
		Page<Delivery> page = service(clock).searchDeliveries(new DeliverySearch().setTargetUuid(t.getUuid()).setLimit(3));
		assertThat(page.getRows()).hasSize(3);
		assertThat(page.hasMore()).isTrue();
		assertThat(page.getTotalCount()).isEqualTo(4);
		Page<Event> events = service(clock).searchEvents(new EventSearch().setPatientUuid("P2"));
		assertThat(events.getRows()).extracting(Event::getType).containsExactly("patient.updated");
		assertThat(service(clock).getEventByUuid(events.getRows().get(0).getUuid()).getPatientUuid()).isEqualTo("P2");
	}

	@Test
	void retention_shouldPurgeOldDeliveredRowsAndKeepPendingFailedAndDead() throws Exception {
		long old = T0 - 40L * 86_400_000L;
		SettableClock clock = new SettableClock(old);
		Target t = target("history");
		receiver.respond(r -> r.body().contains("\"type\":\"patient.voided\"") ? Response.status(400)
		        : Response.ok());
		String delivered = outbox.add("patient.created", "P1", old, null);
		String failed = outbox.add("patient.voided", "P2", old, null);
		DeliveryEngine e = engine(clock);
		Eventually.until("done", () -> outbox.deliveries("DELIVERED") == 1 && outbox.deliveries("FAILED") == 1);
		e.stop();
		String recent = outbox.add("patient.updated", "P3", T0, null);
		settings.deliveryEnabled = false;
		clock.set(T0);
		e.start();
		Eventually.until("fanned out", () -> outbox.deliveries("PENDING") == 1);

		int purged = new RetentionStore(db).purge(T0 - 30L * 86_400_000L, 1);
		assertThat(purged).isEqualTo(2);
		assertThat(outbox.rows("SELECT e.uuid FROM webhooks_event e ORDER BY e.event_id")).extracting(r -> r[0])
		        .containsExactly(failed, recent);
		assertThat(outbox.count("SELECT COUNT(*) FROM webhooks_attempt")).isEqualTo(1);
		assertThat(delivered).isNotNull();
		assertThat(t.getId()).isNotNull();
	}

	@Test
	void testEventSender_shouldSendASignedTestEventAndReportTheAnswer() throws Exception {
		Target t = TestTargets.target("probe", receiverUrl());
		t.setSigningEnabled(true);
		t.getSigningSecrets().add(new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 0, 0));
		targets.add(t);
		receiver.respond(r -> Response.status(202).body("{\"work_order_id\":1}"));
		TestResult result = new DeliveryTestEventSender(new RequestFactory(new JsonPayloads(), new HmacSigner()),
		        transport, Clock.systemUTC()).send(t);
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.getStatusCode()).isEqualTo(202);
		assertThat(result.getResponseExcerpt()).isEqualTo("{\"work_order_id\":1}");
		Receiver.Request r = receiver.requests().get(0);
		assertThat(r.body()).contains("\"type\":\"webhooks.test\"");
		assertThat(r.header("webhook-signature")).startsWith("v1,");
		assertThat(outbox.count("SELECT COUNT(*) FROM webhooks_delivery")).isZero();
	}

}
