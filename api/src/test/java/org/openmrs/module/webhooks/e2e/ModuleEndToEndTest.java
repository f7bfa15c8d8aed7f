package org.openmrs.module.webhooks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.Concept;
import org.openmrs.Encounter;
import org.openmrs.EncounterType;
import org.openmrs.Form;
import org.openmrs.Location;
import org.openmrs.Patient;
import org.openmrs.PersonAddress;
import org.openmrs.module.webhooks.LegacyAdminLink;
import org.openmrs.module.webhooks.ModuleSessions;
import org.openmrs.module.webhooks.WebhooksActivator;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.WebhooksLifecycle;
import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.DeliveryStats;
import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.capture.CaptureFailureRecorder;
import org.openmrs.module.webhooks.capture.CaptureStats;
import org.openmrs.module.webhooks.delivery.DeliveryEngine;
import org.openmrs.module.webhooks.model.Attempt;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.outbox.OutboxSignal;
import org.openmrs.module.webhooks.testdb.TestDatabase;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts;
import org.openmrs.module.webhooks.testsupport.Receiver;

import com.standardwebhooks.Webhook;

/**
 * The whole module as OpenMRS runs it: the real moduleApplicationContext.xml (core's beans as stand-ins, a real
 * Hibernate session factory whose entity interceptor is the module's interceptor bean, see {@link ModuleContext}),
 * its lifecycle beans started as the activator starts them. Then, one run per database:
 * <ol>
 * <li>a target (signing on, API key, {@code patient.*} and {@code encounter.created}) saved through the TargetService
 * registered with core's serviceContext, pointing at a real HTTP receiver on 127.0.0.1;</li>
 * <li>a patient, then an encounter with three obs, saved through Hibernate in real transactions;</li>
 * <li>the receiver gets exactly {@code patient.created} and {@code encounter.created} with the exact envelope,
 * {@code x-api-key}, and a signature the official Standard Webhooks verifier accepts with the secret saveTarget
 * returned;</li>
 * <li>a rolled-back save sends and stores nothing; the DeliveryService shows every delivery DELIVERED after one
 * attempt and the stats count them; a test send and a manual retry go through the same beans;</li>
 * <li>stopping the lifecycle beans leaves only the transport's threads, closing the context removes those.</li>
 * </ol>
 * And the activator itself starts, stops and restarts the lifecycle beans of the context.
 */
class ModuleEndToEndTest {

	private static final String API_KEY = "e2e-key-0123456789-abcdefXYZ";

	/** Deliveries arrive well within this; generous for loaded CI machines. */
	private static final Duration WITHIN = Duration.ofSeconds(10);

	/** Thread name prefix of the receiver's own threads (they are the test's, not the module's). */
	private static final String RECEIVER_THREADS = "e2e-receiver";

	/** The OpenFn-like receiver on 127.0.0.1, answering 200. */
	private static Receiver receiver() throws IOException {
		return Receiver.start("127.0.0.1", 0, 4, true, RECEIVER_THREADS);
	}

	// Not on H2 1.4.200 (the module on it is openmrs-tests' subject, on core's own Hibernate): Hibernate's H2Dialect
	// reads the H2 version from the class path, whose H2 is 2.x, and asks 1.4.200 for what only 2.x has.
	@ParameterizedTest(name = "{0}")
	@EnumSource(value = TestDatabase.Kind.class, names = "H2_1_4", mode = EnumSource.Mode.EXCLUDE)
	void savedPatientAndEncounter_shouldReachTheReceiverSignedThroughTheWholeModule(TestDatabase.Kind kind)
	        throws Exception {
		Set<Thread> before = liveThreads();
		long t0 = System.nanoTime();
		try (TestDatabase db = TestDatabase.create(kind).migrate(); Receiver receiver = receiver()) {
			long t1 = System.nanoTime();
			ModuleContext module = ModuleContext.start(db, new Settings());
			long t2 = System.nanoTime();
			try {
				long t3;
				List<String> sawTransportThreads = null;
				try {
					scenario(module, receiver);
				}
				finally {
					t3 = System.nanoTime();
					sawTransportThreads = threadNames(before);
					// 5. as the activator's willStop: stop every lifecycle bean, in reverse order
					List<WebhooksLifecycle> parts = module.lifecycleBeans();
					Collections.reverse(parts);
					parts.forEach(WebhooksLifecycle::stop);
				}
				System.out.printf("[e2e %s] database + migration %d ms, context %d ms, scenario %d ms, stop %d ms%n",
				    kind, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
				    (System.nanoTime() - t3) / 1_000_000);
				// no thread of the module is left once the module stopped, although the context (and the transport
				// bean) lives on: Tomcat stops the web application after the module, and a thread left then holds
				// its class loader. The transport's pool evictor ran until the stop (DeadlineTimerTest: the timer).
				assertThat(sawTransportThreads).as("the transport's threads when the module stops")
				        .contains("webhooks-http-evictor");
				assertThat(moduleThreadsOtherThan(before, name -> false, Duration.ofSeconds(1)))
				        .as("module threads after the lifecycle beans stopped").isEmpty();
			}
			finally {
				module.close(); // the transport's destroy-method (close) runs
			}
			assertThat(moduleThreadsOtherThan(before, name -> false, Duration.ofSeconds(5)))
			        .as("module threads after the context closed").isEmpty();
		}
	}

	private void scenario(ModuleContext module, Receiver receiver) throws Exception {
		// as the activator's started(): every WebhooksLifecycle bean of the context
		List<WebhooksLifecycle> parts = module.lifecycleBeans();
		assertThat(parts).hasAtLeastOneElementOfType(DeliveryEngine.class)
		        .hasAtLeastOneElementOfType(CaptureFailureRecorder.class)
		        .hasAtLeastOneElementOfType(org.openmrs.module.webhooks.delivery.SettingsChangeListener.class)
		        .hasAtLeastOneElementOfType(org.openmrs.module.webhooks.delivery.http.HttpTransport.class).hasSize(4);
		parts.forEach(WebhooksLifecycle::start);
		assertThat(module.context.getBean(DeliveryEngine.class).isRunning()).isTrue();

		Concept weight = new Concept("weight");
		EncounterType vitals = new EncounterType("vitals");
		Location ward = new Location("ward");
		Form form = new Form("vitals form");
		module.inTransaction(s -> {
			s.save(weight);
			s.save(vitals);
			s.save(ward);
			s.save(form);
		});

		// 1. a target through the TargetService bean registered with core's serviceContext
		module.grantWebhooksPrivileges();
		TargetService targets = module.service(TargetService.class);
		DeliveryService deliveries = module.service(DeliveryService.class);
		int transactionsBefore = module.transactionManager().begun.get();
		int checksBefore = module.authorization.checks.get();
		SavedTarget saved = targets.saveTarget(openFnTarget(receiver.url("/openfn/hook")));
		assertThat(module.authorization.checks.get()).as("core's authorization advice ran").isGreaterThan(checksBefore);
		assertThat(module.transactionManager().begun.get()).as("the target service opens no Hibernate transaction")
		        .isEqualTo(transactionsBefore);
		String secret = saved.getNewSigningSecret();
		assertThat(secret).as("the signing secret, shown once").startsWith("whsec_");
		Target target = saved.getTarget();
		assertThat(target.getAuth().getValue()).as("masked").startsWith("****").doesNotContain(API_KEY);
		assertThat(targets.getTargetByUuid(target.getUuid()).getSigningSecrets()).as("never read back").singleElement()
		        .satisfies(s -> assertThat(s.getSecret()).isNull());

		// 2. a patient, then an encounter with obs, each in a real transaction
		OutboxSignal signal = module.context.getBean("webhooksOutboxSignal", OutboxSignal.class);
		long signalled = signal.generation();
		long savedFrom = System.currentTimeMillis();
		Patient patient = newPatient("Ada", "Lovelace");
		module.inTransaction(s -> s.save(patient));
		Encounter encounter = new Encounter(patient, vitals, ward, form, null);
		for (int i = 0; i < 3; i++) {
			encounter.addObs(weight, 60 + i);
		}
		module.inTransaction(s -> s.save(encounter));
		long savedTo = System.currentTimeMillis();
		assertThat(signal.generation()).as("capture raised the context's outbox signal").isGreaterThan(signalled);

		// 3. the receiver gets patient.created and encounter.created, not the obs events (not subscribed)
		until("two notifications", () -> receiver.requests().size() >= 2);
		long firstLatency = receiver.requests().get(0).receivedAtMillis() - savedFrom;
		List<Receiver.Request> received = receiver.requests();
		assertThat(received).extracting(r -> type(r.body())).containsExactly("patient.created", "encounter.created");
		String version = WebhooksConstants.moduleVersion();
		for (Receiver.Request r : received) {
			assertSignedAndAuthenticated(r, secret, version);
			assertThat(timestampMillis(r.body())).isBetween(savedFrom, savedTo);
		}
		Receiver.Request p = received.get(0);
		assertThat(p.body()).isEqualTo("{\"id\":\"" + p.header("webhook-id") + "\",\"type\":\"patient.created\","
		        + "\"timestamp\":\"" + timestamp(p.body()) + "\",\"data\":{\"resource\":\"patient\",\"uuid\":\""
		        + patient.getUuid() + "\",\"action\":\"created\",\"patient\":{\"uuid\":\"" + patient.getUuid()
		        + "\"},\"links\":{\"rest\":\"/ws/rest/v1/patient/" + patient.getUuid()
		        + "\",\"fhir\":\"/ws/fhir2/R4/Patient/" + patient.getUuid() + "\"}},\"source\":{\"instance\":\""
		        + Settings.INSTANCE + "\",\"module\":\"webhooks/" + version + "\"}}");
		Receiver.Request e = received.get(1);
		assertThat(e.body()).isEqualTo("{\"id\":\"" + e.header("webhook-id") + "\",\"type\":\"encounter.created\","
		        + "\"timestamp\":\"" + timestamp(e.body()) + "\",\"data\":{\"resource\":\"encounter\",\"uuid\":\""
		        + encounter.getUuid() + "\",\"action\":\"created\",\"patient\":{\"uuid\":\"" + patient.getUuid()
		        + "\"},\"links\":{\"rest\":\"/ws/rest/v1/encounter/" + encounter.getUuid()
		        + "\",\"fhir\":\"/ws/fhir2/R4/Encounter/" + encounter.getUuid() + "\"}},\"source\":{\"instance\":\""
		        + Settings.INSTANCE + "\",\"module\":\"webhooks/" + version + "\"}}");

		// the events behind them, as the DeliveryService shows them: obs captured too, only not subscribed
		List<Event> events = deliveries.searchEvents(new EventSearch().setPatientUuid(patient.getUuid())).getRows();
		assertThat(events).extracting(Event::getType).containsExactlyInAnyOrder("patient.created",
		    "encounter.created", "obs.created", "obs.created", "obs.created");
		assertThat(eventUuid(events, "patient.created")).isEqualTo(p.header("webhook-id"));
		assertThat(eventUuid(events, "encounter.created")).isEqualTo(e.header("webhook-id"));

		// 4. a rolled-back save sends nothing; a later committed save is the proof that the engine went past it
		Patient rolledBack = newPatient("Rolled", "Back");
		module.inRolledBackTransaction(s -> s.save(rolledBack));
		Patient later = newPatient("Grace", "Hopper");
		module.inTransaction(s -> s.save(later));
		until("the later patient's notification",
		    () -> receiver.requests().stream().anyMatch(r -> r.body().contains(later.getUuid())));
		until("every delivery recorded as delivered", () -> deliveries
		        .searchDeliveries(new DeliverySearch().setTargetUuid(target.getUuid()).setStatus(DeliveryStatus.DELIVERED))
		        .getRows().size() == 3);
		assertThat(deliveries.searchEvents(new EventSearch().setPatientUuid(rolledBack.getUuid())).getRows()).isEmpty();
		assertThat(receiver.requests()).hasSize(3).noneMatch(r -> r.body().contains(rolledBack.getUuid()));
		assertSignedAndAuthenticated(receiver.requests().get(2), secret, version);

		int transactionsBeforeReads = module.transactionManager().begun.get();
		List<Delivery> log = deliveries.searchDeliveries(new DeliverySearch().setTargetUuid(target.getUuid()))
		        .getRows();
		assertThat(log).hasSize(3).allSatisfy(d -> {
			assertThat(d.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(d.getAttempts()).isEqualTo(1);
			assertThat(d.getLastStatusCode()).isEqualTo(200);
		});
		assertThat(log).extracting(Delivery::getEventUuid).containsExactlyInAnyOrderElementsOf(
		    receiver.requests().stream().map(r -> r.header("webhook-id")).collect(Collectors.toList()));
		for (Delivery d : log) {
			assertThat(deliveries.getDeliveryByUuid(d.getUuid()).getAttemptLog()).singleElement()
			        .extracting(Attempt::getStatusCode).isEqualTo(200);
		}
		DeliveryStats stats = deliveries.getStats();
		assertThat(stats.getDelivered()).isEqualTo(3);
		assertThat(stats.getFailed()).isZero();
		assertThat(stats.getDead()).isZero();
		assertThat(stats.getQueueDepth()).isZero();
		assertThat(stats.getCaptureFailures()).isZero();
		assertThat(stats.getTargets()).singleElement().satisfies(t -> {
			assertThat(t.getTargetUuid()).isEqualTo(target.getUuid());
			assertThat(t.getDelivered()).isEqualTo(3);
		});
		assertThat(module.transactionManager().begun.get()).as("the delivery service opens no Hibernate transaction")
		        .isEqualTo(transactionsBeforeReads);

		// the target service's test send: the real sender bean, the same transport, signer and credentials; no delivery
		TestResult test = targets.sendTestEvent(target.getUuid());
		assertThat(test.isSuccess()).isTrue();
		assertThat(test.getStatusCode()).isEqualTo(200);
		assertThat(module.transactionManager().begun.get()).as("sendTestEvent runs outside any transaction")
		        .isEqualTo(transactionsBeforeReads);
		assertThat(receiver.requests()).hasSize(4);
		Receiver.Request testRequest = receiver.requests().get(3);
		assertThat(type(testRequest.body())).isEqualTo("webhooks.test");
		assertSignedAndAuthenticated(testRequest, secret, version);
		assertThat(deliveries.getStats().getDelivered()).as("a test send is no delivery").isEqualTo(3);

		// a manual retry through the DeliveryService bean reaches the running engine: the same event is sent again
		Delivery first = log.stream().filter(d -> d.getEventUuid().equals(p.header("webhook-id"))).findFirst().get();
		long retriedAt = System.currentTimeMillis();
		deliveries.retryDelivery(first.getUuid());
		until("the retried delivery", () -> receiver.requests().size() == 5);
		long retryLatency = receiver.requests().get(4).receivedAtMillis() - retriedAt;
		assertThat(receiver.requests().get(4).header("webhook-id")).isEqualTo(p.header("webhook-id"));
		assertSignedAndAuthenticated(receiver.requests().get(4), secret, version);
		until("the retry recorded", () -> deliveries.getDeliveryByUuid(first.getUuid()).getAttemptLog().size() == 2);
		assertThat(deliveries.getDeliveryByUuid(first.getUuid()).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);

		CaptureStats capture = module.context.getBean(CaptureStats.class);
		assertThat(capture.getFailedTransactions() + capture.getCallbackErrors()).isZero();

		System.out.printf("[e2e %s] first notification %d ms after the save began; manual retry sent %d ms after the"
		        + " call%n", module.db.kind(), firstLatency, retryLatency);
	}

	/** The activator starts and stops the context's lifecycle beans (found as core's Context would find them). */
	@Test
	void activator_shouldStartAndStopTheLifecycleBeansOfTheContext() throws Exception {
		Set<Thread> before = liveThreads();
		try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2).migrate();
		        Receiver receiver = receiver();
		        ModuleContext module = ModuleContext.start(db, new Settings())) {
			List<List<WebhooksLifecycle>> lookedUp = new ArrayList<>();
			WebhooksActivator activator = new WebhooksActivator() {

				@Override
				protected List<WebhooksLifecycle> lifecycleParts() {
					List<WebhooksLifecycle> parts = module.lifecycleBeans();
					lookedUp.add(parts);
					return parts;
				}

				/** Core's per-thread user contexts, as a stand-in: the stub Context cannot open sessions. */
				@Override
				protected ModuleSessions sessions() {
					return new ModuleSessions(new FakeUserContexts(), ModuleSessions.DEFAULT_WAIT_MILLIS);
				}

				/** Core's PatientService is not in this context (WebhooksActivatorTest covers the advice). */
				@Override
				protected void patientServiceAdvice(org.aopalliance.aop.Advice advice, boolean add) {
				}

				/** A server without legacyui. */
				@Override
				protected LegacyAdminLink legacyAdminLink() {
					return new LegacyAdminLink(new LegacyAdminLink.Core() {

						@Override
						public boolean isModuleStarted(String moduleId) {
							return false;
						}

						@Override
						public Map<String, List<Object>> extensionMap() {
							throw new AssertionError("no legacyui, no extension map");
						}

						@Override
						public Object newExtension(String className, String pointId, String moduleId) {
							throw new AssertionError("no legacyui, no extension");
						}

						@Override
						public String extensionId(Object extension) {
							throw new AssertionError("no legacyui, no extension");
						}
					});
				}
			};
			DeliveryEngine engine = module.context.getBean(DeliveryEngine.class);
			assertThat(engine.isRunning()).isFalse();

			activator.willStart();
			activator.started();
			assertThat(activator.getState()).isEqualTo("started");
			assertThat(engine.isRunning()).isTrue();
			assertThat(threadNames(before)).contains("webhooks-dispatcher", "webhooks-fanout", "webhooks-outcomes",
			    "webhooks-capture-failures");

			activator.willRefreshContext();
			assertThat(engine.isRunning()).isFalse();
			activator.contextRefreshed();
			assertThat(engine.isRunning()).isTrue();
			assertThat(lookedUp).hasSize(2);

			// stopped: a save still commits and is captured, nothing is sent; started again: it is delivered
			module.grantWebhooksPrivileges();
			module.service(TargetService.class).saveTarget(openFnTarget(receiver.url("/openfn/hook")));
			activator.willStop();
			activator.stopped();
			assertThat(activator.getState()).isEqualTo("stopped");
			assertThat(engine.isRunning()).isFalse();
			assertThat(moduleThreadsOtherThan(before, name -> false, Duration.ofSeconds(1)))
			        .isEmpty();

			Patient patient = newPatient("Ada", "Lovelace");
			module.inTransaction(s -> s.save(patient));
			DeliveryService deliveries = module.service(DeliveryService.class);
			assertThat(deliveries.searchEvents(new EventSearch().setPatientUuid(patient.getUuid())).getRows())
			        .extracting(Event::getType).containsExactly("patient.created");
			assertThat(deliveries.getStats().getEventsAwaitingFanOut()).isEqualTo(1);
			assertThat(receiver.requests()).isEmpty();

			activator.started();
			until("the notification saved while the module was stopped",
			    () -> receiver.requests().stream().anyMatch(r -> r.body().contains(patient.getUuid())));
			activator.willStop();
			assertThat(lookedUp).hasSize(3);
		}
		assertThat(moduleThreadsOtherThan(before, name -> false, Duration.ofSeconds(5))).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	private static Target openFnTarget(String url) {
		Target t = new Target();
		t.setName("OpenFn (e2e)");
		t.setUrl(url);
		t.setEventTypes(new ArrayList<>(List.of("patient.*", "encounter.created")));
		TargetAuth auth = new TargetAuth();
		auth.setType(TargetAuth.API_KEY);
		auth.setHeaderName("x-api-key");
		auth.setValue(API_KEY);
		t.setAuth(auth);
		t.setSigningEnabled(true);
		return t;
	}

	private static Patient newPatient(String given, String family) {
		Patient p = new Patient();
		p.setGender("F");
		p.addName(given, family);
		p.getAddresses().add(new PersonAddress(p, "Main street"));
		p.addIdentifier("100-" + given);
		return p;
	}

	private static void assertSignedAndAuthenticated(Receiver.Request r, String secret, String version) {
		assertThat(r.method()).isEqualTo("POST");
		assertThat(r.path()).isEqualTo("/openfn/hook");
		assertThat(r.header("x-api-key")).isEqualTo(API_KEY);
		assertThat(r.header("content-type")).startsWith("application/json");
		assertThat(r.header("user-agent")).isEqualTo("OpenMRS-Webhooks/" + version);
		assertThat(r.header("webhook-id")).isEqualTo(id(r.body()));
		assertThat(Long.parseLong(r.header("webhook-timestamp")))
		        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
		assertThat(r.header("webhook-signature")).startsWith("v1,");
		// the official Standard Webhooks verifier, with the secret saveTarget returned once
		Map<String, List<String>> headers = Map.of("webhook-id", List.of(r.header("webhook-id")), "webhook-timestamp",
		    List.of(r.header("webhook-timestamp")), "webhook-signature", List.of(r.header("webhook-signature")));
		assertThatCode(() -> new Webhook(secret).verify(r.body(), headers)).doesNotThrowAnyException();
	}

	private static String eventUuid(List<Event> events, String type) {
		return events.stream().filter(ev -> ev.getType().equals(type)).findFirst().get().getUuid();
	}

	private static String id(String body) {
		return field(body, "id");
	}

	private static String type(String body) {
		return field(body, "type");
	}

	private static String timestamp(String body) {
		return field(body, "timestamp");
	}

	private static long timestampMillis(String body) {
		return Instant.parse(timestamp(body)).toEpochMilli();
	}

	/** A top-level string member of the envelope (the first of that name: the envelope's own come first). */
	private static String field(String body, String name) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path(name).asText(null);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new AssertionError("not JSON: " + body, e);
		}
	}

	private static void until(String what, Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + WITHIN.toNanos();
		while (!Boolean.TRUE.equals(condition.call())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + WITHIN + ": " + what);
			}
			Thread.sleep(10);
		}
	}

	private static Set<Thread> liveThreads() {
		return Thread.getAllStackTraces().keySet();
	}

	private static List<String> threadNames(Set<Thread> before) {
		List<String> names = new ArrayList<>();
		for (Thread t : liveThreads()) {
			if (!before.contains(t) && t.isAlive()) {
				names.add(t.getName());
			}
		}
		return names;
	}


	/**
	 * Threads started since {@code before} that are neither the test's own (receiver, database pool, JDK) nor
	 * allowed by {@code mayRemain}, waiting up to {@code grace} for threads a stop has ended to finish exiting.
	 */
	private static List<String> moduleThreadsOtherThan(Set<Thread> before, Predicate<String> mayRemain, Duration grace)
	        throws InterruptedException {
		long deadline = System.nanoTime() + grace.toNanos();
		while (true) {
			Set<String> names = new TreeSet<>();
			for (String name : threadNames(before)) {
				if (!testInfrastructure(name) && !mayRemain.test(name)) {
					names.add(name);
				}
			}
			if (names.isEmpty() || System.nanoTime() > deadline) {
				return new ArrayList<>(names);
			}
			Thread.sleep(20);
		}
	}

	private static boolean testInfrastructure(String name) {
		return name.startsWith(RECEIVER_THREADS) || name.startsWith("HTTP-Dispatcher") || name.equals("idle-timeout-task")
		        || name.startsWith("test-") || name.equals("PostgreSQL-JDBC-Cleaner") || name.equals("Common-Cleaner")
		        || name.equals("Attach Listener") || name.startsWith("surefire-");
	}
}
