package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.testsupport.Eventually;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * The admin page ({@code /moduleResources/webhooks/admin/index.html}) in headless Chromium against the real server,
 * as an administrator uses it: signed in through the page's own prompt (and, where legacyui runs, through the legacy
 * UI's login and its Administration link), a target created through the form at a receiver on this machine, a test
 * event sent, a patient's notification in the delivery log, a failed delivery (the receiver answering 500) retried
 * from the page, the statistics. Then a user whose role has only {@code Get Webhooks} sees the page refuse every
 * change. What the page shows is compared with what the server and the receiver say. Screenshots:
 * {@code server-tests/target/admin-page-<line>/}.
 */
@Order(36)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPageIT {

	static final String VIEWER_ROLE = "Webhooks e2e viewer";

	/**
	 * Set in the form: a receiver answering 500 makes a delivery dead after its second attempt (5 s after the first),
	 * and only failed or dead deliveries have a Retry button (a 5xx keeps a delivery pending while attempts remain).
	 */
	static final int MAX_ATTEMPTS = 2;

	private final Webhooks webhooks = new Webhooks();

	private Receiver receiver;

	private AdminPage page;

	private final String targetName = "e2e admin page " + UUID.randomUUID().toString().substring(0, 8);

	private final String apiKey = "e2e-page-" + UUID.randomUUID();

	private String targetUuid;

	private String secret;

	private String viewerUuid;

	@BeforeAll
	void openThePage() throws Exception {
		String missing = AdminPage.missing(webhooks.config);
		String ci = System.getenv("CI");
		if (missing != null && ci != null && !ci.isEmpty() && !"false".equalsIgnoreCase(ci)) {
			throw new AssertionError("the admin page needs " + missing + " (CI is set, so this fails instead of skipping)");
		}
		Harness.skipUnless(missing == null, "the admin page needs " + missing);
		webhooks.allowLocalReceivers();
		receiver = Receiver.start(webhooks.config.receiverBind, 0, 8, true, "e2e-page-receiver");
		String line = System.getenv().getOrDefault("OPENMRS_VERSION", "server");
		Path shots = webhooks.config.projectRoot.resolve("server-tests/target/admin-page-" + line);
		page = AdminPage.start(webhooks.config, shots);
		System.out.println("[e2e] admin page screenshots: " + shots);
	}

	@AfterAll
	void closeThePage() {
		if (page != null) {
			page.close();
		}
		if (targetUuid != null) {
			webhooks.rest.delete("/ws/rest/v1/webhooktarget/" + targetUuid + "?reason=e2e+done");
		}
		if (viewerUuid != null) {
			webhooks.rest.delete("/ws/rest/v1/user/" + viewerUuid + "?reason=e2e+done");
		}
		if (receiver != null) {
			receiver.close();
		}
	}

	@Test
	@Order(1)
	void theAdministratorSignsInThroughThePage() throws Exception {
		JsonNode r = page.run(AdminPage.step("signIn").put("as", "admin").put("user", webhooks.config.user)
		        .put("password", webhooks.config.password));
		assertThat(r.path("user").asText()).as("the page names who is signed in").startsWith("Signed in as ");
		assertThat(r.path("sessionCookie").asBoolean()).as("an OpenMRS session cookie (JSESSIONID)").isTrue();
		assertThat(r.path("alert").asText()).as("no error shown after signing in").isEmpty();
	}

	@Test
	@Order(2)
	void whereLegacyuiRunsItsAdministrationPageLinksToThePage() throws Exception {
		JsonNode legacyui = webhooks.rest.get("/ws/rest/v1/module/legacyui").json();
		Harness.skipUnless(legacyui.path("started").asBoolean(false),
		    "the legacy UI's Administration link needs legacyui, which does not run on this server");
		JsonNode r = page.run(AdminPage.step("legacyAdminLink").put("user", webhooks.config.user).put("password",
		    webhooks.config.password));
		assertThat(r.path("href").asText()).endsWith("/moduleResources/webhooks/admin/index.html");
		assertThat(r.path("prompted").asBoolean()).as("the page asks to sign in again").isFalse();
		assertThat(r.path("user").asText()).startsWith("Signed in as ");
	}

	@Test
	@Order(3)
	void aTargetIsCreatedThroughTheForm() throws Exception {
		String url = receiver.url(webhooks.config.receiverHost, "/hook");
		JsonNode r = page.run(AdminPage.step("createTarget").put("as", "admin").put("name", targetName).put("url", url)
		        .put("apiKey", apiKey).put("maxAttempts", MAX_ATTEMPTS));
		targetUuid = r.path("uuid").asText();
		secret = r.path("secret").asText();
		assertThat(r.path("created").asText()).isEqualTo(targetName + " was created.");
		assertThat(secret).as("the signing secret shown once").startsWith("whsec_");
		assertThat(r.path("enabled").asText()).isEqualTo("true");
		assertThat(r.path("rowText").asText()).contains(url).contains("patient.*");

		Rest.Answer a = webhooks.rest.get("/ws/rest/v1/webhooktarget/" + targetUuid + "?v=full");
		assertThat(a.status()).as("the target the page created: %s", a.describe()).isEqualTo(200);
		JsonNode t = a.json();
		assertThat(t.path("name").asText()).isEqualTo(targetName);
		assertThat(t.path("url").asText()).isEqualTo(url);
		assertThat(t.path("eventTypes").toString()).isEqualTo("[\"patient.*\"]");
		assertThat(t.path("enabled").asBoolean()).isTrue();
		assertThat(t.path("maxAttempts").asInt()).isEqualTo(MAX_ATTEMPTS);
		assertThat(t.path("auth").path("type").asText()).isEqualTo("apiKey");
		assertThat(t.path("auth").path("headerName").asText()).isEqualTo("x-api-key");
		assertThat(t.path("auth").path("value").asText()).isEqualTo("****" + apiKey.substring(apiKey.length() - 4));
		assertThat(t.path("signing").path("enabled").asBoolean()).isTrue();
		assertThat(t.path("signing").path("secretCount").asInt()).isEqualTo(1);
		assertThat(a.body()).doesNotContain(secret.substring(6)).doesNotContain(apiKey);
	}

	@Test
	@Order(4)
	void aTestEventSentFromThePageArrivesSigned() throws Exception {
		JsonNode r = page.run(AdminPage.step("testSend").put("as", "admin").put("name", targetName).put("expectText",
		    "The receiver answered 200"));
		assertThat(r.path("summary").asText()).contains("The receiver answered 200 in");
		List<Receiver.Request> got = receiver.awaitCount(1, Duration.ofSeconds(30));
		assertThat(got).hasSize(1);
		assertThat(got.get(0).header("x-api-key")).isEqualTo(apiKey);
		assertThat(Notification.of(got.get(0)).type()).isEqualTo("webhooks.test");
		OfficialVerifier.assertVerified(secret, got);
	}

	@Test
	@Order(5)
	void aPatientsNotificationShowsInTheDeliveryLog() throws Exception {
		String patient = webhooks.clinic.createPatient();
		List<Receiver.Request> got = awaitAbout(patient, 1);
		JsonNode r = page.run(AdminPage.step("deliveryLog").put("as", "admin").put("targetUuid", targetUuid)
		        .put("patientUuid", patient).put("status", "Delivered"));
		JsonNode row = only(r.path("rows"));
		assertThat(row.path("event").asText()).isEqualTo("patient.created");
		assertThat(row.path("target").asText()).isEqualTo(targetName);
		assertThat(row.path("patient").asText()).isEqualTo(patient);
		assertThat(row.path("status").asText()).isEqualTo("Delivered");
		assertThat(row.path("code").asText()).isEqualTo("200");
		assertThat(row.path("retry").asBoolean()).as("no Retry on a delivered row").isFalse();
		assertThat(row.path("uuid").asText()).isEqualTo(delivery(patient).path("uuid").asText());
		OfficialVerifier.assertVerified(secret, got);
	}

	@Test
	@Order(6)
	void aFailedDeliveryIsRetriedFromThePage() throws Exception {
		receiver.respond(req -> Receiver.Response.status(500).body("e2e: failing on purpose"));
		String patient = webhooks.clinic.createPatient();
		// The first attempt at once, the second 5 s later; then the delivery is dead: any later success is the
		// page's retry.
		JsonNode dead = awaitDead(patient);
		assertThat(dead.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
		String deliveryUuid = dead.path("uuid").asText();
		JsonNode shown = only(page.run(AdminPage.step("deliveryLog").put("as", "admin").put("targetUuid", targetUuid)
		        .put("patientUuid", patient).put("status", "Dead")).path("rows"));
		assertThat(shown.path("uuid").asText()).isEqualTo(deliveryUuid);
		assertThat(shown.path("status").asText()).isEqualTo("Dead");
		assertThat(shown.path("attempts").asText()).isEqualTo(Integer.toString(MAX_ATTEMPTS));
		assertThat(shown.path("code").asText()).isEqualTo("500");
		assertThat(shown.path("retry").asBoolean()).as("a Retry button on the dead row").isTrue();

		receiver.respond(req -> Receiver.Response.ok());
		int before = receiver.requests().size();
		JsonNode r = page.run(AdminPage.step("retry").put("as", "admin").put("deliveryUuid", deliveryUuid));
		assertThat(r.path("announced").asText()).contains("queued for retry");
		assertThat(r.path("row").path("status").asText()).as("the row after Refresh").isEqualTo("Delivered");
		assertThat(r.path("row").path("code").asText()).isEqualTo("200");
		JsonNode attempts = r.path("attempts");
		JsonNode last = attempts.get(attempts.size() - 1);
		assertThat(last.path("code").asText()).isEqualTo("200");
		assertThat(last.path("manual").asBoolean()).as("the last attempt is marked manual: %s", attempts).isTrue();

		JsonNode d = webhooks.rest.get("/ws/rest/v1/webhookdelivery/" + deliveryUuid + "?v=full").json();
		assertThat(d.path("status").asText()).isEqualTo("delivered");
		JsonNode log = d.path("attemptLog");
		assertThat(log.size()).isEqualTo(attempts.size());
		assertThat(log.get(log.size() - 1).path("manual").asBoolean()).isTrue();
		assertThat(log.get(log.size() - 1).path("statusCode").asInt()).isEqualTo(200);
		List<Receiver.Request> after = receiver.requests().subList(before, receiver.requests().size());
		assertThat(after).as("what arrived after the retry").isNotEmpty();
		assertThat(Notification.of(after.get(0)).about(patient)).isTrue();
		OfficialVerifier.assertVerified(secret, after);
	}

	@Test
	@Order(7)
	void theStatisticsShowWhatTheServerCounts() throws Exception {
		JsonNode r = null;
		JsonNode mine = null;
		// The page's figures and the server's, read one after the other (a second try if a delivery moved between).
		for (int i = 0; i < 3; i++) {
			r = page.run(AdminPage.step("stats").put("as", "admin").put("targetName", targetName));
			mine = targetStats();
			if (cells(mine).equals(firstCells(r.path("target")))) {
				break;
			}
		}
		assertThat(r.path("target").isArray()).as("a per-target row for %s: %s", targetName, r).isTrue();
		assertThat(firstCells(r.path("target"))).as("pending, delivered, failed, dead on the page and in REST")
		        .isEqualTo(cells(mine));
		assertThat(mine.path("delivered").asInt()).as("the two patient notifications").isGreaterThanOrEqualTo(2);
		assertThat(r.path("target").get(5).asText()).as("success rate").endsWith("%");
		assertThat(r.path("bars").asInt()).as("the last 24 hours, one bar per hour").isEqualTo(24);
		JsonNode stats = webhooks.rest.get("/ws/rest/v1/webhooks/stats").json();
		long failedAttempts = 0;
		for (JsonNode h : stats.path("lastDay")) {
			failedAttempts += h.path("failedAttempts").asLong();
		}
		assertThat(failedAttempts).as("the two 500s in the last day").isGreaterThanOrEqualTo(2);
		assertThat(r.path("chartDesc").asText()).contains(failedAttempts + " failed attempts");
		assertThat(r.path("cards").path("Queue depth").isTextual()).isTrue();
		assertThat(r.path("cards").path("Delivered").asLong()).isGreaterThanOrEqualTo(mine.path("delivered").asLong());
	}

	@Test
	@Order(8)
	void aUserWithoutManageWebhooksSeesThePageRefuseChanges() throws Exception {
		String password = "Viewer" + ThreadLocalRandom.current().nextInt(100000, 999999) + "x";
		String username = "webhooks-viewer-" + UUID.randomUUID().toString().substring(0, 8);
		viewerUuid = createViewer(username, password);

		// A dead delivery for the viewer to try to retry.
		receiver.respond(req -> Receiver.Response.status(500).body("e2e: failing on purpose"));
		String patient = webhooks.clinic.createPatient();
		String deliveryUuid = awaitDead(patient).path("uuid").asText();
		receiver.respond(req -> Receiver.Response.ok());
		long testsBefore = testEvents();

		JsonNode in = page.run(AdminPage.step("signIn").put("as", "viewer").put("user", username).put("password",
		    password));
		assertThat(in.path("user").asText()).startsWith("Signed in as ");
		assertThat(in.path("alert").asText()).as("reading needs only Get Webhooks: no error").isEmpty();
		JsonNode seen = page.run(AdminPage.step("refusedChanges").put("as", "viewer").put("name", targetName)
		        .put("deliveryUuid", deliveryUuid));
		assertThat(seen.path("create").asText()).contains("You do not have the privilege to do this.");
		assertThat(seen.path("test").asText()).contains("You do not have the privilege to do this.");
		assertThat(seen.path("toggle").asText()).contains("You do not have the privilege to do this.");
		assertThat(seen.path("toggleAfter").asText()).as("the switch stays on").isEqualTo("true");
		assertThat(seen.path("retry").asText()).contains("You do not have the privilege to do this.");

		// Nothing changed on the server.
		JsonNode targets = webhooks.rest.get("/ws/rest/v1/webhooktarget?v=full&includeAll=true").json();
		for (JsonNode t : targets.path("results")) {
			assertThat(t.path("name").asText()).as("no target made by the viewer").isNotEqualTo(targetName + " (viewer)");
		}
		assertThat(webhooks.rest.get("/ws/rest/v1/webhooktarget/" + targetUuid).json().path("enabled").asBoolean())
		        .as("still enabled").isTrue();
		assertThat(testEvents()).as("no test event sent by the viewer").isEqualTo(testsBefore);
		JsonNode d = webhooks.rest.get("/ws/rest/v1/webhookdelivery/" + deliveryUuid + "?v=full").json();
		assertThat(d.path("status").asText()).as("still dead").isEqualTo("dead");
		assertThat(d.path("attemptLog").size()).as("attempts: %s", d).isEqualTo(MAX_ATTEMPTS);
		for (JsonNode attempt : d.path("attemptLog")) {
			assertThat(attempt.path("manual").asBoolean()).as("no manual attempt: %s", d).isFalse();
		}
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	private List<Receiver.Request> awaitAbout(String patient, int n) throws InterruptedException {
		return receiver.awaitMatching("notification about " + patient,
		    req -> Notification.of(req).about(patient), n, Duration.ofSeconds(60));
	}

	/** Waits until the delivery about a patient is dead; returns it as REST shows it. */
	private JsonNode awaitDead(String patient) throws Exception {
		AtomicReference<JsonNode> seen = new AtomicReference<>();
		Eventually.until("the delivery about " + patient + " dead", () -> {
			seen.set(delivery(patient));
			return seen.get() != null && "dead".equals(seen.get().path("status").asText());
		}, Duration.ofSeconds(120));
		return seen.get();
	}

	/** The one delivery of our target about a patient, as REST shows it, or null. */
	private JsonNode delivery(String patient) {
		Rest.Answer a = webhooks.rest.get("/ws/rest/v1/webhookdelivery?v=default&target=" + targetUuid + "&patient=" + patient);
		assertThat(a.status()).as("delivery search: %s", a.describe()).isEqualTo(200);
		JsonNode results = a.json().path("results");
		assertThat(results.size()).as("deliveries about %s: %s", patient, results).isLessThanOrEqualTo(1);
		return results.size() == 0 ? null : results.get(0);
	}

	private static JsonNode only(JsonNode rows) {
		assertThat(rows.size()).as("rows shown: %s", rows).isEqualTo(1);
		return rows.get(0);
	}

	private JsonNode targetStats() {
		for (JsonNode t : webhooks.rest.get("/ws/rest/v1/webhooks/stats").json().path("targets")) {
			if (targetUuid.equals(t.path("targetUuid").asText())) {
				return t;
			}
		}
		throw new AssertionError("no stats for target " + targetUuid);
	}

	private static List<String> cells(JsonNode stats) {
		return List.of(stats.path("pending").asText(), stats.path("delivered").asText(), stats.path("failed").asText(),
		    stats.path("dead").asText());
	}

	/** Pending, delivered, failed, dead from the page's per-target row (name first). */
	private static List<String> firstCells(JsonNode row) {
		List<String> out = new ArrayList<>();
		for (int i = 1; i <= 4 && i < row.size(); i++) {
			out.add(row.get(i).asText());
		}
		return out;
	}

	private long testEvents() {
		return receiver.requests().stream().filter(req -> "webhooks.test".equals(Notification.of(req).type())).count();
	}

	/** A role with only Get Webhooks (found or made once), and a new user with it; returns the user's uuid. */
	private String createViewer(String username, String password) {
		Rest rest = webhooks.rest;
		Rest.Answer role = rest.get("/ws/rest/v1/role/" + VIEWER_ROLE.replace(" ", "%20"));
		String roleUuid;
		if (role.status() == 200) {
			roleUuid = role.json().path("uuid").asText();
		} else {
			Rest.Answer privilege = rest.get("/ws/rest/v1/privilege/Get%20Webhooks");
			assertThat(privilege.status()).as(privilege.describe()).isEqualTo(200);
			ObjectNode body = Rest.object().put("name", VIEWER_ROLE).put("description",
			    "Made by the webhooks end-to-end suite: may look at webhooks, not change them");
			body.putArray("privileges").add(privilege.json().path("uuid").asText());
			Rest.Answer made = rest.post("/ws/rest/v1/role", body);
			assertThat(made.status()).as("create role: %s", made.describe()).isEqualTo(201);
			roleUuid = made.json().path("uuid").asText();
		}
		ObjectNode person = Rest.object().put("gender", "F");
		person.putArray("names").add(Rest.object().put("givenName", "Viewer").put("familyName", "Webhooks E2e"));
		Rest.Answer p = rest.post("/ws/rest/v1/person", person);
		assertThat(p.status()).as("create person: %s", p.describe()).isEqualTo(201);
		ObjectNode user = Rest.object().put("username", username).put("password", password).put("person",
		    p.json().path("uuid").asText());
		user.putArray("roles").add(roleUuid);
		Rest.Answer u = rest.post("/ws/rest/v1/user", user);
		assertThat(u.status()).as("create user: %s", u.describe()).isEqualTo(201);
		JsonNode privileges = rest.get("/ws/rest/v1/role/" + roleUuid + "?v=full").json().path("privileges");
		assertThat(privileges.size()).as("the viewer role's privileges: %s", privileges).isEqualTo(1);
		assertThat(privileges.get(0).path("name").asText()).isEqualTo("Get Webhooks");
		return u.json().path("uuid").asText();
	}
}
