package org.openmrs.module.webhooks.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openmrs.module.webhooks.testdb.TestDatabase;

/**
 * The parent's handle on an {@link EngineProcess}: a separate JVM on the test class path, against the test's
 * database. {@link #kill()} is {@code kill -9} ({@link Process#destroyForcibly()}); {@link #stop} asks for a
 * clean stop. The child's log (stderr) goes to {@code target/quality/<name>.log}.
 */
final class ChildEngine implements AutoCloseable {

	private final Process process;

	private final Path logFile;

	private final CountDownLatch ready = new CountDownLatch(1);

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private volatile String nodeId;

	private ChildEngine(Process process, Path logFile) {
		this.process = process;
		this.logFile = logFile;
		Thread reader = new Thread(this::readOutput, "child-" + logFile.getFileName());
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * @param jvmOptions e.g. {@code -Xmx256m}
	 */
	static ChildEngine start(String name, TestDatabase db, List<String> jvmOptions, int workers, long leaseMillis,
	        long pollMillis, long heapSampleMillis) throws IOException {
		Path dir = Paths.get("target", "quality");
		Files.createDirectories(dir);
		Path log = dir.resolve(name + ".log");
		List<String> cmd = new ArrayList<>();
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(jvmOptions);
		cmd.add("-XX:+ExitOnOutOfMemoryError");
		cmd.add("-cp");
		cmd.add(System.getProperty("java.class.path"));
		cmd.add(EngineProcess.class.getName());
		cmd.add(db.jdbcUrl());
		cmd.add(db.user());
		cmd.add(db.password());
		cmd.add(Integer.toString(workers));
		cmd.add(Long.toString(leaseMillis));
		cmd.add(Long.toString(pollMillis));
		cmd.add(Long.toString(heapSampleMillis));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
		return new ChildEngine(pb.start(), log);
	}

	private void readOutput() {
		try (BufferedReader r = new BufferedReader(
		        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				lines.add(line);
				if (line.startsWith("READY ")) {
					nodeId = line.substring("READY ".length()).trim();
					ready.countDown();
				}
			}
		}
		catch (IOException e) {
			// the process died: nothing more to read
		}
	}

	/** Waits until the engine in the child runs; fails if the child exits first. */
	ChildEngine awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!ready.await(100, TimeUnit.MILLISECONDS)) {
			if (!process.isAlive()) {
				throw new AssertionError("engine process exited with " + process.exitValue() + " before it was ready; "
				        + logTail());
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("engine process not ready after " + timeout + "; " + logTail());
			}
		}
		return this;
	}

	/** The engine's node id: the prefix of every lease it takes. */
	String nodeId() {
		return nodeId;
	}

	boolean isAlive() {
		return process.isAlive();
	}

	long pid() {
		return process.pid();
	}

	/** SIGKILL: no shutdown hook, no finally block, no outcome written. Returns once the process is gone. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** Asks the engine to stop cleanly; returns the exit code. */
	int stop(Duration timeout) throws IOException, InterruptedException {
		if (process.isAlive()) {
			try (OutputStream in = process.getOutputStream()) {
				in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException e) {
				// already exiting
			}
		}
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("engine process did not stop within " + timeout + "; " + logTail());
		}
		// let the reader take the last lines
		Thread.sleep(100);
		return process.exitValue();
	}

	/** Lines the child printed on stdout so far. */
	List<String> output() {
		return new ArrayList<>(lines);
	}

	String logTail() {
		try {
			List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
			return "log " + logFile.toAbsolutePath() + " ends:\n" + String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
		}
		catch (IOException e) {
			return "log " + logFile.toAbsolutePath() + " unreadable";
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
		}
	}
}
