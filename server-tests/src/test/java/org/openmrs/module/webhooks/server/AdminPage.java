package org.openmrs.module.webhooks.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The module's admin page in headless Chromium, driven by {@code server-tests/src/test/browser/admin-page.js}
 * (playwright-core from the omod's browser harness, {@code omod/src/test/browser/node_modules}, installed there with
 * {@code npm ci} on first use). One node process for the whole class, one step at a time: each step is what a person
 * does on the page, and answers with what the page showed. Screenshots go to {@link #screenshots}.
 */
final class AdminPage implements AutoCloseable {

	static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

	final Path screenshots;

	private final Process node;

	private final Writer commands;

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private AdminPage(Process node, Path screenshots) {
		this.node = node;
		this.screenshots = screenshots;
		this.commands = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
			        new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					answers.add(line);
				}
			}
			catch (IOException e) {
				// the process ended
			}
			answers.add("");
		}, "admin-page-driver");
		reader.setDaemon(true);
		reader.start();
	}

	/** Why the page cannot be driven here (no node, Chromium or harness), or null when it can. */
	static String missing(ServerConfig config) {
		if (!Files.isExecutable(Path.of(CHROMIUM))) {
			return "Chromium at " + CHROMIUM + " (apt-get install -y chromium, or set CHROMIUM)";
		}
		if (!Files.isRegularFile(script(config))) {
			return "the driver " + script(config);
		}
		return null;
	}

	static AdminPage start(ServerConfig config, Path screenshots) throws IOException, InterruptedException {
		Path harness = config.projectRoot.resolve("omod/src/test/browser");
		if (!Files.isRegularFile(harness.resolve("node_modules/playwright-core/package.json"))) {
			Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
			        .directory(harness.toFile()).inheritIO().start();
			if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
				throw new AssertionError("npm ci in " + harness + " failed: playwright-core could not be installed");
			}
		}
		Files.createDirectories(screenshots);
		try (var old = Files.newDirectoryStream(screenshots, "*.png")) {
			for (Path p : old) {
				Files.delete(p); // this run's screenshots only
			}
		}
		ProcessBuilder pb = new ProcessBuilder("node", script(config).toString())
		        .redirectError(ProcessBuilder.Redirect.INHERIT);
		pb.environment().put("OPENMRS_URL", config.url);
		pb.environment().put("CHROMIUM", CHROMIUM);
		pb.environment().put("SCREENSHOT_DIR", screenshots.toString());
		return new AdminPage(pb.start(), screenshots);
	}

	private static Path script(ServerConfig config) {
		return config.projectRoot.resolve("server-tests/src/test/browser/admin-page.js");
	}

	static ObjectNode step(String name) {
		return Rest.object().put("step", name);
	}

	/** Runs one step; returns its result, or fails with what the page showed (and where its screenshot is). */
	JsonNode run(ObjectNode step) throws IOException, InterruptedException {
		return run(step, Duration.ofMinutes(4));
	}

	JsonNode run(ObjectNode step, Duration timeout) throws IOException, InterruptedException {
		commands.write(step.toString() + "\n");
		commands.flush();
		String line = answers.poll(timeout.toSeconds(), TimeUnit.SECONDS);
		if (line == null) {
			throw new AssertionError("the admin page step " + step.path("step").asText() + " gave no answer within "
			        + timeout + " (screenshots in " + screenshots + ")");
		}
		if (line.isEmpty()) {
			throw new AssertionError("the admin page driver ended (exit " + exitValue() + ") during "
			        + step.path("step").asText());
		}
		JsonNode answer = Rest.JSON.readTree(line);
		if (!answer.path("ok").asBoolean()) {
			throw new AssertionError("admin page, step " + step.path("step").asText() + ": "
			        + answer.path("error").asText() + "\n    screenshot: " + answer.path("screenshot").asText()
			        + "\n    console: " + answer.path("console") + "\n    page errors: " + answer.path("pageErrors"));
		}
		return answer.path("result");
	}

	private String exitValue() {
		try {
			return node.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(node.exitValue()) : "none yet";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	@Override
	public void close() {
		try {
			commands.write(step("close").toString() + "\n");
			commands.flush();
			commands.close();
		}
		catch (IOException e) {
			// already gone
		}
		try {
			if (!node.waitFor(60, TimeUnit.SECONDS)) {
				node.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			node.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
