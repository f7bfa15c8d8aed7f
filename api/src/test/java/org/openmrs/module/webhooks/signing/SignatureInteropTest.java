package org.openmrs.module.webhooks.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our signatures verified by the npm {@code standardwebhooks} library, through {@code src/test/node/verify.mjs}.
 * Needs {@code node} on the PATH and {@code npm ci --prefix api/src/test/node} done; skipped, saying why, when
 * either is missing.
 */
class SignatureInteropTest {

	private static final Path NODE_DIR = Paths.get("src/test/node");

	private final WebhookSigner signer = new WebhookSigner();

	private final SecretGenerator generator = new SecretGenerator();

	@Test
	void signatureHeader_shouldBeVerifiedByTheNodeLibrary(@TempDir Path dir) throws Exception {
		assumeNodeAndLibrary();
		long now = Instant.now().getEpochSecond();
		String body = "{\"id\":\"3f1c\",\"type\":\"patient.updated\",\"data\":{\"note\":\"Zoë ✓ 東京\"}}";
		String secret = generator.generate();
		List<String> rotation = List.of(generator.generate(), generator.generate(24), generator.generate(64));
		String rotationHeader = signer.signatureHeader("msg_rotation", now, body.getBytes(UTF_8), rotation);

		List<Map<String, Object>> cases = new ArrayList<>();
		cases.add(signed("single secret", secret, "msg_single", now, body));
		cases.add(signed("secret without prefix", secret.substring("whsec_".length()), "msg_bare", now, body));
		for (int bytes : new int[] { 24, 32, 64 }) {
			cases.add(signed("generated secret of " + bytes + " bytes", generator.generate(bytes), "msg_" + bytes, now,
			    body));
		}
		for (int i = 0; i < rotation.size(); i++) {
			cases.add(testCase("rotation header, secret " + (i + 1), rotation.get(i), "msg_rotation", now, body,
			    rotationHeader, true));
		}
		cases.add(testCase("altered body is refused", secret, "msg_single", now, body.replace("3f1c", "3f1d"),
		    signer.signatureHeader("msg_single", now, body.getBytes(UTF_8), List.of(secret)), false));
		Path file = dir.resolve("cases.json");
		new ObjectMapper().writeValue(file.toFile(), cases);

		Process node = new ProcessBuilder("node", "verify.mjs", file.toAbsolutePath().toString())
		        .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
		String output = new String(node.getInputStream().readAllBytes(), UTF_8);
		boolean finished = node.waitFor(60, TimeUnit.SECONDS);
		System.out.println(output);

		assertThat(finished).isTrue();
		assertThat(node.exitValue()).as(output).isZero();
		assertThat(output).contains(cases.size() + " passed, 0 failed");
	}

	private Map<String, Object> signed(String name, String secret, String id, long timestamp, String body) {
		return testCase(name, secret, id, timestamp, body,
		    signer.signatureHeader(id, timestamp, body.getBytes(UTF_8), List.of(secret)), true);
	}

	private static Map<String, Object> testCase(String name, String secret, String id, long timestamp, String body,
	        String signature, boolean valid) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("name", name);
		c.put("secret", secret);
		c.put("id", id);
		c.put("timestamp", timestamp);
		c.put("body", body);
		c.put("signature", signature);
		c.put("valid", valid);
		return c;
	}

	private static void assumeNodeAndLibrary() throws InterruptedException {
		String version;
		try {
			Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			version = new String(p.getInputStream().readAllBytes(), UTF_8).trim();
			p.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException e) {
			version = null;
		}
		skipUnless(version != null, "node is not on the PATH");
		skipUnless(Files.isRegularFile(NODE_DIR.resolve("node_modules/standardwebhooks/package.json")),
		    "the npm package standardwebhooks is not installed: run npm ci --prefix api/src/test/node");
		System.out.println("SignatureInteropTest: node " + version);
	}

	/** Skips on a developer machine without Node.js; fails under CI (.ci/run sets CI), where it must run. */
	private static void skipUnless(boolean condition, String why) {
		if (!condition && System.getenv("CI") != null) {
			throw new AssertionError("SignatureInteropTest cannot run under CI: " + why);
		}
		if (!condition) {
			System.out.println("SignatureInteropTest skipped: " + why);
		}
		Assumptions.assumeTrue(condition, why);
	}
}
