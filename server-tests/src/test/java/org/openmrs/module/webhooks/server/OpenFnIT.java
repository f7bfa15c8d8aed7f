package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * OpenFn: the job of docs/openfn.md, as written there, runs in the OpenFn runtime ({@code @openfn/runtime}) with the
 * OpenMRS adaptor ({@code @openfn/language-openmrs} 5.x) on what a Lightning webhook trigger would hand it (the
 * notification as {@code state.data}, its headers as {@code state.request.headers}) and an OpenMRS credential. It
 * follows the payload's relative link and fetches the changed patient from this server; for the test event it
 * stops early. Pinned in server-tests/src/test/openfn/package-lock.json, installed with {@code npm ci} on first use.
 */
@Order(35)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenFnIT {

	private final Webhooks webhooks = new Webhooks();

	private Webhooks.Subscription target;

	@BeforeAll
	void subscribe() throws Exception {
		webhooks.allowLocalReceivers();
		target = webhooks.subscribe("e2e openfn", "patient.*");
	}

	@AfterAll
	void retire() {
		if (target != null) {
			target.close();
		}
	}

	@Test
	@Order(1)
	void theDocumentedJobFetchesTheChangedPatient() throws Exception {
		String p = webhooks.clinic.createPatient();
		target.awaitAbout(p, 1);
		Receiver.Request request = target.requestsAbout(p).get(0);
		JsonNode out = runJob(request);
		Notification n = Notification.of(request);
		assertThat(out.path("skip").asBoolean(true)).as("final state: %s", cut(out)).isFalse();
		assertThat(out.path("event").path("id").asText()).isEqualTo(n.id());
		assertThat(out.path("resource").path("uuid").asText()).as("the patient the job fetched").isEqualTo(p);
		assertThat(out.path("resource").path("identifiers").isArray()).as("the full representation (v=full)").isTrue();
		assertThat(out.path("jobLog").toString()).contains("event " + n.id() + " patient.created");
	}

	@Test
	@Order(2)
	void theDocumentedJobSkipsTheTestEvent() throws Exception {
		target.receiver.clear();
		Rest.Answer test = webhooks.rest.post("/ws/rest/v1/webhooks/target/" + target.uuid + "/test", Rest.object());
		assertThat(test.status()).as(test.describe()).isEqualTo(200);
		List<Receiver.Request> got = target.receiver.awaitMatching("the test event",
		    r -> "webhooks.test".equals(Notification.of(r).type()), 1, Duration.ofSeconds(30));
		JsonNode out = runJob(got.get(0));
		assertThat(out.path("skip").asBoolean(false)).as("final state: %s", cut(out)).isTrue();
		assertThat(out.path("resource").isMissingNode()).isTrue();
		assertThat(out.path("jobLog").toString()).contains("test event received");
	}

	/** The Lightning trigger's state for this request, with an OpenMRS credential; returns the job's final state. */
	private JsonNode runJob(Receiver.Request request) throws IOException, InterruptedException {
		Path dir = webhooks.config.projectRoot.resolve("server-tests/src/test/openfn");
		npmCi(dir);
		ObjectNode state = Rest.object();
		state.set("configuration", Rest.object().put("instanceUrl", webhooks.config.url)
		        .put("username", webhooks.config.user).put("password", webhooks.config.password));
		state.set("data", Rest.JSON.readTree(request.bodyBytes()));
		ObjectNode headers = Rest.object();
		request.headers().forEach((k, v) -> headers.put(k, String.join(",", v)));
		state.set("request", Rest.object().set("headers", headers));
		Path in = Files.createTempFile("openfn-state", ".json");
		Path out = Files.createTempFile("openfn-final", ".json");
		try {
			Files.writeString(in, state.toString(), StandardCharsets.UTF_8);
			Process p = new ProcessBuilder("node", "--experimental-vm-modules", "--no-warnings", "run-job.mjs",
			        webhooks.config.projectRoot.resolve("docs/openfn.md").toString(), in.toString(), out.toString())
			                .directory(dir.toFile()).redirectErrorStream(true).start();
			String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(p.exitValue()).as("the OpenFn job:%n%s", console).isZero();
			return Rest.JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(in);
			Files.deleteIfExists(out);
		}
	}

	private static synchronized void npmCi(Path dir) throws IOException, InterruptedException {
		if (Files.isDirectory(dir.resolve("node_modules/@openfn/runtime"))) {
			return;
		}
		Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").directory(dir.toFile())
		        .inheritIO().start();
		if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
			throw new AssertionError("npm ci in " + dir + " failed");
		}
	}

	private static String cut(JsonNode n) {
		return Rest.cut(n.toString());
	}
}
