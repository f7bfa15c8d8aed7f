package org.openmrs.module.webhooks.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What only the owner of the server can do: restart Tomcat, read its modules folder, take a thread dump of its
 * JVM. Available when the suite runs against a server that {@code .ci/openmrs-server} started (OPENMRS_SERVER_DIR);
 * the cases that need it are skipped, with a message, against any other server.
 */
final class Harness {

	/** One thread of a dump. */
	record ThreadLine(String name, boolean daemon) {
	}

	private static final Pattern THREAD = Pattern.compile("^\"(.*)\" (?:#\\d+ )?(daemon )?.*$");

	private final ServerConfig config;

	Harness(ServerConfig config) {
		this.config = config;
	}

	/** Skips the calling case, with the reason, when the suite does not own the server. */
	void assumeOwned(String what) {
		skipUnless(config.owned(), what + " needs a server this suite started (OPENMRS_SERVER_DIR, set by "
		        + ".ci/openmrs-server); the server at " + config.url + " is someone else's");
	}

	/** Skips the calling case unless {@code condition}, saying why on the console (where CI shows it) too. */
	static void skipUnless(boolean condition, String why) {
		if (!condition) {
			System.out.println("[e2e] SKIPPED: " + why);
		}
		assumeTrue(condition, "SKIPPED: " + why);
	}

	Path modulesDir() {
		return config.serverDir.resolve("appdata/modules");
	}

	/** Tomcat stopped (database kept) and started again; returns when REST authenticates again. */
	void restart() throws IOException, InterruptedException {
		script("restart", config.serverDir.toString());
	}

	/**
	 * Stops Tomcat (database kept). Returns the thread dump {@code .ci/openmrs-server} took when the JVM stayed up after
	 * Tomcat had stopped, or null when the JVM exited by itself.
	 */
	List<ThreadLine> stopTomcat() throws IOException, InterruptedException {
		script("stop", config.serverDir.toString(), "--keep-db");
		Path dump = config.serverDir.resolve("lingering-threads.txt");
		return Files.exists(dump) ? parse(Files.readString(dump, StandardCharsets.UTF_8)) : null;
	}

	long pid() throws IOException, InterruptedException {
		return Long.parseLong(script("pid", config.serverDir.toString()).trim());
	}

	/** The threads of the Tomcat JVM now ({@code jcmd <pid> Thread.print}). */
	List<ThreadLine> threads() throws IOException, InterruptedException {
		return parse(run(List.of("jcmd", Long.toString(pid()), "Thread.print"), 60));
	}

	static List<ThreadLine> parse(String dump) {
		List<ThreadLine> out = new ArrayList<>();
		for (String line : dump.split("\n")) {
			Matcher m = THREAD.matcher(line);
			if (m.matches()) {
				out.add(new ThreadLine(m.group(1), m.group(2) != null));
			}
		}
		return out;
	}

	private String script(String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>();
		cmd.add(config.projectRoot.resolve(".ci/openmrs-server").toString());
		cmd.addAll(List.of(args));
		return run(cmd, 600);
	}

	/** Runs a command; its standard error goes to the console, its output is returned. Fails on a non-zero exit. */
	private static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("timed out: " + String.join(" ", cmd));
		}
		if (p.exitValue() != 0) {
			throw new AssertionError("exit " + p.exitValue() + ": " + String.join(" ", cmd));
		}
		return new String(out, StandardCharsets.UTF_8);
	}
}
