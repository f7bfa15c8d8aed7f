package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * Capture and delivery: clinical work done through the server's own web API reaches a local receiver as signed
 * notifications that the official verifier accepts, with the receiver's API key, in per-patient order, with links
 * relative to the OpenMRS context that lead, with the receiver's credentials, to the resource (data access).
 */
@Order(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureIT {

	private final Webhooks webhooks = new Webhooks();

	private final Clinic clinic = webhooks.clinic;

	private Webhooks.Subscription target;

	/** Every patient this class made: nothing about any other patient may arrive. */
	private final Set<String> patients = new LinkedHashSet<>();

	@BeforeAll
	void subscribe() throws Exception {
		webhooks.allowLocalReceivers();
		target = webhooks.subscribe("e2e capture", "patient.*", "encounter.*", "obs.*", "visit.*");
	}

	@AfterAll
	void retire() throws Exception {
		if (target != null) {
			target.close();
		}
	}

	@Test
	@Order(1)
	void aPatientCreatedEditedAndVoided() throws Exception {
		String p = clinic.createPatient();
		patients.add(p);
		clinic.editPatient(p);
		clinic.voidPatient(p);
		List<Notification> got = target.awaitAbout(p, 3);
		List<String> types = distinct(got).stream().map(Notification::type).toList();
		assertThat(types.subList(0, 3)).as("notifications about the patient: %s", types)
		        .containsExactly("patient.created", "patient.updated", "patient.voided");
		// REST's DELETE of a patient on core 2.8.9 commits a second change to its (voided) names and identifiers
		// after the void: a patient.updated may follow, nothing else
		assertThat(types.subList(3, types.size())).as("after the void: %s", types).allMatch("patient.updated"::equals);
		for (Notification n : got) {
			assertThat(n.dataUuid()).isEqualTo(p);
			assertThat(n.restLink()).isEqualTo("/ws/rest/v1/patient/" + p);
		}
		checkDelivered(target.requestsAbout(p));
	}

	@Test
	@Order(2)
	void anEncounterWithObsAnObsEditAndAVisit() throws Exception {
		String p = clinic.createPatient();
		patients.add(p);
		String visit = clinic.createVisit(p);
		JsonNode encounter = clinic.createEncounterWithObs(p, visit, "first note");
		String enc = encounter.path("uuid").asText();
		JsonNode obs = clinic.obsOf(enc);
		assertThat(obs).hasSize(1);
		String firstObs = obs.get(0).path("uuid").asText();
		clinic.editObs(firstObs, "second note");

		// what each call must raise, in the order of the calls
		List<List<Predicate<Notification>>> groups = List.of(
		    List.of(is("patient.created", p)),
		    List.of(is("visit.created", visit)),
		    List.of(is("encounter.created", enc), is("obs.created", firstObs)),
		    List.of(is("obs.voided", firstObs), n -> "obs.created".equals(n.type()) && !firstObs.equals(n.dataUuid())));
		int expected = groups.stream().mapToInt(List::size).sum();
		target.receiver.await("the " + expected + " expected notifications about patient " + p,
		    rs -> groups.stream().flatMap(List::stream)
		            .allMatch(g -> Notification.all(rs).stream().anyMatch(g)),
		    Duration.ofSeconds(60));
		List<Notification> got = distinct(target.received().stream().filter(n -> n.about(p)).toList());
		// per-patient order: everything a call raised arrives before anything the next call raised
		int previousLast = -1;
		for (List<Predicate<Notification>> group : groups) {
			int first = Integer.MAX_VALUE;
			int last = -1;
			for (Predicate<Notification> g : group) {
				for (int i = 0; i < got.size(); i++) {
					if (g.test(got.get(i))) {
						first = Math.min(first, i);
						last = Math.max(last, i);
					}
				}
			}
			assertThat(first).as("order of %s", got).isGreaterThan(previousLast);
			previousLast = last;
		}
		// nothing else but side effects on the same resources (core may touch the encounter or visit)
		assertThat(got).as("notifications about the patient").allMatch(n -> groups.stream().flatMap(List::stream)
		        .anyMatch(g -> g.test(n)) || List.of("encounter.updated", "visit.updated").contains(n.type()));
		for (Notification n : got) {
			assertThat(n.restLink()).isEqualTo("/ws/rest/v1/" + n.resource() + "/" + n.dataUuid());
		}
		checkDelivered(target.requestsAbout(p));
	}

	@Test
	@Order(3)
	void aRolledBackSaveGivesNothing() throws Exception {
		String p = clinic.createPatient();
		patients.add(p);
		target.awaitAbout(p, 1);
		String identifier = clinic.identifierOf(p);
		long before = webhooks.db.count("SELECT COUNT(*) FROM webhooks_event");

		Rest.Answer duplicate = clinic.createPatient(identifier);
		assertThat(duplicate.status()).as("a second patient with identifier in use: %s", duplicate.describe())
		        .isBetween(400, 499);
		assertThat(webhooks.db.count("SELECT COUNT(*) FROM webhooks_event")).as("outbox rows after the refused save")
		        .isEqualTo(before);

		// a save after it is delivered, and nothing came for the refused one
		String marker = clinic.createPatient();
		patients.add(marker);
		target.awaitAbout(marker, 1);
		assertThat(webhooks.db.count("SELECT COUNT(*) FROM webhooks_event")).isEqualTo(before + 1);
		assertThat(target.received()).as("every notification is about a patient this test saved")
		        .allMatch(n -> patients.contains(n.patientUuid()));
	}

	@Test
	@Order(4)
	void aPatientMerge() throws Exception {
		Harness.skipUnless(legacyUiStarted(), "the patient merge: this server offers a user no merge. The REST module "
		        + "has none, and the legacy UI (its Merge Patients page) does not run here (as on core 2.8.9 with REST "
		        + "3.4.1 alone, the way O3 runs it)");
		String keep = clinic.createPatient();
		String away = clinic.createPatient();
		patients.add(keep);
		patients.add(away);
		target.awaitAbout(keep, 1);
		target.awaitAbout(away, 1);
		String keepId = webhooks.db.strings("SELECT person_id FROM person WHERE uuid = ?", keep).get(0);
		String awayId = webhooks.db.strings("SELECT person_id FROM person WHERE uuid = ?", away).get(0);

		// the legacy UI's Merge Patients form, as the browser posts it, in a signed-in session
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
		        .followRedirects(HttpClient.Redirect.NEVER).build();
		String basic = "Basic " + Base64.getEncoder().encodeToString(
		    (webhooks.config.user + ":" + webhooks.config.password).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> session = browser.send(HttpRequest.newBuilder(webhooks.rest.uri("/ws/rest/v1/session"))
		        .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(session.body()).contains("\"authenticated\":true");
		String form = "preferred=" + keepId + "&nonPreferred=" + awayId + "&modalMode=true&redirectURL="
		        + URLEncoder.encode("", StandardCharsets.UTF_8);
		HttpResponse<String> merged = browser.send(HttpRequest.newBuilder(
		    URI.create(webhooks.config.url + "/admin/patients/mergePatients.form"))
		        .header("Content-Type", "application/x-www-form-urlencoded")
		        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(merged.statusCode()).as("merge form: HTTP %s", merged.statusCode()).isBetween(200, 399);

		List<Receiver.Request> got = target.receiver.awaitMatching("patient.merged of " + away,
		    r -> "patient.merged".equals(Notification.of(r).type())
		            && away.equals(Notification.of(r).body().path("data").path("nonPreferred").path("uuid").asText()),
		    1, Duration.ofSeconds(60));
		Notification n = Notification.of(got.get(0));
		assertThat(n.dataUuid()).isEqualTo(keep);
		assertThat(n.body().path("data").path("preferred").path("uuid").asText()).isEqualTo(keep);
		assertThat(n.restLink()).isEqualTo("/ws/rest/v1/patient/" + keep);
		assertThat(webhooks.rest.get("/ws/rest/v1/patient/" + away + "?v=full").json().path("voided").asBoolean())
		        .as("the merged-away patient is voided").isTrue();
		List<Receiver.Request> all = new ArrayList<>(target.requestsAbout(keep));
		checkDelivered(all);
	}

	/** Signed (official verifier), with the API key, and each payload's link answers 200 with the resource. */
	private void checkDelivered(List<Receiver.Request> requests) throws Exception {
		for (Receiver.Request r : requests) {
			assertThat(r.header("x-api-key")).isEqualTo(target.apiKey);
			assertThat(r.header("content-type")).startsWith("application/json");
		}
		OfficialVerifier.assertVerified(target.secret, requests);
		for (Notification n : Notification.all(requests)) {
			String link = n.restLink();
			assertThat(link).as("links.rest of %s", n).startsWith("/ws/rest/v1/").doesNotContain("://");
			Rest.Answer a = webhooks.rest.get(link);
			assertThat(a.status()).as("GET %s (from %s): %s", link, n.type(), a.describe()).isEqualTo(200);
			assertThat(a.json().path("uuid").asText()).isEqualTo(n.dataUuid());
		}
	}

	private boolean legacyUiStarted() {
		Rest.Answer a = webhooks.rest.get("/ws/rest/v1/module/legacyui?v=full");
		return a.status() == 200 && a.json().path("started").asBoolean();
	}

	private static Predicate<Notification> is(String type, String uuid) {
		return n -> type.equals(n.type()) && uuid.equals(n.dataUuid());
	}

	/** First arrival of each event id (delivery is at least once). */
	private static List<Notification> distinct(List<Notification> in) {
		Set<String> seen = new LinkedHashSet<>();
		return in.stream().filter(n -> seen.add(n.id())).toList();
	}
}
