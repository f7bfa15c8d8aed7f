package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * Checks received notifications with the official Standard Webhooks verifier for Node.js (npm {@code standardwebhooks},
 * pinned in api/src/test/node/package-lock.json, installed there with {@code npm ci} when missing), through the api's
 * {@code verify.mjs}. One tampered copy goes along to prove the check can fail. The library refuses
 * timestamps older than 5 minutes: verify soon after arrival.
 */
final class OfficialVerifier {

	private OfficialVerifier() {
	}

	static void assertVerified(String secret, List<Receiver.Request> requests) throws IOException, InterruptedException {
		assertThat(requests).as("notifications to verify").isNotEmpty();
		Path dir = ServerConfig.get().projectRoot.resolve("api/src/test/node");
		install(dir);
		ArrayNode cases = Rest.JSON.createArrayNode();
		for (Receiver.Request r : requests) {
			cases.add(one(r.webhookId() + " " + r.path(), secret, r, r.body()));
		}
		Receiver.Request first = requests.get(0);
		cases.add(one("tampered copy", secret, first, first.body() + " ").put("valid", false));
		Path file = Files.createTempFile("webhooks-e2e-cases", ".json");
		try {
			Files.writeString(file, cases.toString(), StandardCharsets.UTF_8);
			Process p = new ProcessBuilder("node", "verify.mjs", file.toString()).directory(dir.toFile())
			        .redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(p.exitValue()).as("npm standardwebhooks over %d notification(s):%n%s", requests.size(), out)
			        .isZero();
			assertThat(out).contains((requests.size() + 1) + " passed, 0 failed");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** {@code npm ci} of the pinned verifier, once, when it is not installed yet. */
	private static synchronized void install(Path dir) throws IOException, InterruptedException {
		if (Files.isDirectory(dir.resolve("node_modules/standardwebhooks"))) {
			return;
		}
		Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").directory(dir.toFile())
		        .inheritIO().start();
		if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
			throw new AssertionError("npm ci in " + dir + " failed: the official verifier could not be installed");
		}
	}

	private static ObjectNode one(String name, String secret, Receiver.Request r, String body) {
		ObjectNode c = Rest.JSON.createObjectNode();
		c.put("name", name);
		c.put("secret", secret);
		c.put("id", r.webhookId());
		c.put("timestamp", r.header("webhook-timestamp"));
		c.put("body", body);
		c.put("signature", r.header("webhook-signature"));
		return c;
	}
}
