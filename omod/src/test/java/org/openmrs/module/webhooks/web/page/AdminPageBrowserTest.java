package org.openmrs.module.webhooks.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs the admin page's browser scenarios ({@code omod/src/test/browser/run.js}): the page from
 * {@code src/main/webapp/resources/admin/} in Debian's headless Chromium, driven by playwright-core, against
 * the in-memory REST test server. Screenshots land in {@code omod/target/browser-screenshots/}.
 * <p>
 * Needs {@code node}, {@code /usr/bin/chromium} (or {@code $CHROMIUM}) and the harness's node_modules. When
 * one is missing the test fails if the environment variable {@code CI} is set, so CI can never pass by
 * silently skipping the page; on a developer machine without them it is skipped with the install commands.
 */
class AdminPageBrowserTest {

	static final String INSTALL = "apt-get install -y chromium && npm ci --prefix omod/src/test/browser";

	static final long TIMEOUT_MINUTES = 8;

	@Test
	void adminPageScenariosPassInHeadlessChromium() throws Exception {
		Path omod = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
		Path harness = omod.resolve("src/test/browser");
		String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

		List<String> missing = new ArrayList<>();
		if (!Files.isRegularFile(harness.resolve("run.js"))) {
			missing.add("the harness " + harness.resolve("run.js"));
		}
		if (!Files.isExecutable(Paths.get(chromium))) {
			missing.add("Chromium at " + chromium);
		}
		if (!Files.isRegularFile(harness.resolve("node_modules/playwright-core/package.json"))) {
			missing.add("playwright-core in " + harness.resolve("node_modules"));
		}
		if (!nodeAvailable()) {
			missing.add("node on the PATH");
		}
		if (!missing.isEmpty()) {
			String message = "Admin page browser tests cannot run: missing " + String.join(", ", missing)
			        + ". Install with: " + INSTALL;
			String ci = System.getenv("CI");
			if (ci != null && !ci.isEmpty() && !"false".equalsIgnoreCase(ci)) {
				fail(message + " (CI is set, so this fails instead of skipping)");
			}
			assumeTrue(false, message);
		}

		Path screenshots = omod.resolve("target/browser-screenshots");
		ProcessBuilder builder = new ProcessBuilder("node", "run.js").directory(harness.toFile()).redirectErrorStream(true);
		builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
		builder.environment().put("CHROMIUM", chromium);
		Process process = builder.start();
		process.getOutputStream().close();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Thread reader = new Thread(() -> copy(process.getInputStream(), output), "browser-test-output");
		reader.start();
		boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		reader.join(10_000);
		String text = new String(output.toByteArray(), StandardCharsets.UTF_8);
		System.out.println(text);
		if (!finished) {
			fail("The browser scenarios did not finish within " + TIMEOUT_MINUTES + " minutes:\n" + text);
		}
		assertEquals(0, process.exitValue(), "Admin page browser scenarios failed (screenshots in " + screenshots + "):\n" + text);
	}

	private static boolean nodeAvailable() {
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			node.getOutputStream().close();
			copy(node.getInputStream(), new ByteArrayOutputStream());
			return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void copy(InputStream in, ByteArrayOutputStream out) {
		byte[] buffer = new byte[8192];
		try {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				synchronized (out) {
					out.write(buffer, 0, n);
				}
			}
		}
		catch (IOException e) {
			// The process ended; what was read is kept.
		}
	}
}
