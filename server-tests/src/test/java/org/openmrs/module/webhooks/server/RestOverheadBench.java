package org.openmrs.module.webhooks.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * {@code benchmarks/run rest-overhead}: what the module costs a REST client of a real OpenMRS 2.8.9. Patients are
 * created through {@code POST /ws/rest/v1/patient}, one after the other, on an OpenMRS session (the JSESSIONID of one
 * Basic-authenticated {@code GET /session}, then the cookie only), with the module started and with it stopped
 * ({@code POST /ws/rest/v1/moduleaction}), in the same JVM, in alternating rounds after a warm-up. While it is
 * started, one enabled target takes every event ({@code patient.*}, {@code encounter.*}, {@code obs.*},
 * {@code visit.*}) to a receiver on this machine (testsupport.Receiver), which answers 200 at once. A third side,
 * started with delivery paused ({@code webhooks.delivery.enabled=false}), tells the outbox write from the delivery
 * work that runs beside the requests. Before the next side starts, every event of a side has reached the receiver.
 *
 * <p>Prints each round, then the time from commit to the receiver for every patient created while started: from the
 * event's {@code timestamp} in the payload (taken by the server just before the commit) to the arrival at the
 * receiver, and, for comparison, from the REST response's arrival at the client. When the server runs on this
 * machine (started here, or OPENMRS_SERVER_DIR), also the Tomcat JVM's CPU time per create on each side, which the
 * other work on a shared machine disturbs far less than wall time. The last line is
 * {@code rest-overhead: <ratio>x (on <ms> ms, off <ms> ms)}: the medians of all measured creates of each side.
 *
 * <p>Server: OPENMRS_URL (with OPENMRS_USER / OPENMRS_PASSWORD, default admin / Admin123) with the module installed;
 * without it, a fresh 2.8.9 is started with {@code .ci/openmrs-server} and the .omod (WEBHOOKS_OMOD, default
 * omod/target/webhooks-*.omod) in its modules folder, and stopped at the end. Arguments (optional): rounds (6),
 * creates per round and side (30), warm-up creates per side (30).
 */
public final class RestOverheadBench {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final String ON = "on";

	static final String PAUSED = "paused";

	static final String OFF = "off";

	/**
	 * Module started (capture and delivery), started with delivery paused ({@code webhooks.delivery.enabled=false}:
	 * capture only), stopped.
	 */
	static final List<String> SIDES = List.of(ON, PAUSED, OFF);

	/** Unmeasured creates before each side: the first requests after a Spring refresh are slow. */
	private static final int SETTLE = 10;

	private final String url;

	private final String user;

	private final String password;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
	        .followRedirects(HttpClient.Redirect.NEVER).build();

	private String cookie;

	private String identifierType;

	private String location;

	private int relogins;

	/** moduleaction calls that answered an error although the module reached the state asked for. */
	private int actionErrors;

	private int toggles;

	/** The Tomcat JVM's PID when it runs on this machine (a server .ci/openmrs-server started), else 0. */
	private long pid;

	private int quiesceTimeouts;

	private RestOverheadBench(String url, String user, String password) {
		this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.user = user;
		this.password = password;
	}

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
		int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
		Path root = Paths.get(System.getProperty("webhooks.projectRoot", ".")).toAbsolutePath().normalize();
		String given = System.getenv("OPENMRS_URL");
		Path serverDir = null;
		String serverUrl = given;
		try {
			if (given == null || given.isBlank()) {
				serverDir = Files.createTempDirectory("webhooks-rest-overhead");
				Path omod = omod(root);
				log("starting OpenMRS 2.8.9 with " + omod + " in " + serverDir + " (.ci/openmrs-server)");
				script(root, "start", "2.8.9", serverDir.toString(), "--module", omod.toString());
				Properties env = new Properties();
				try (var in = Files.newBufferedReader(serverDir.resolve("server.env"))) {
					env.load(in);
				}
				serverUrl = env.getProperty("OPENMRS_URL");
			}
			RestOverheadBench bench = new RestOverheadBench(serverUrl, envOr("OPENMRS_USER", "admin"),
			        envOr("OPENMRS_PASSWORD", "Admin123"));
			String owned = envOr("OPENMRS_SERVER_DIR", serverDir == null ? null : serverDir.toString());
			bench.pid = owned == null ? 0 : tomcatPid(Paths.get(owned));
			bench.run(rounds, perRound, warmup);
		}
		finally {
			if (serverDir != null) {
				log("stopping the server");
				try {
					script(root, "stop", serverDir.toString());
				}
				catch (Exception e) {
					log("stop failed: " + e);
				}
			}
		}
	}

	private void run(int rounds, int perRound, int warmup) throws Exception {
		String loadBefore = loadAverage();
		login();
		String core = coreVersion();
		if (!started()) {
			moduleAction("START");
		}
		setGlobalProperty("webhooks.egress.allowHttp", "true");
		setGlobalProperty("webhooks.egress.allowedCidrs", "127.0.0.1/32");
		setGlobalProperty("webhooks.delivery.enabled", "true");
		int others = 0;
		for (JsonNode t : get("/ws/rest/v1/webhooktarget?v=full").path("results")) {
			if (t.path("enabled").asBoolean()) {
				others++;
			}
		}
		try (Receiver receiver = Receiver.start("127.0.0.1", 0, 8, true, "bench-receiver")) {
			ObjectNode t = JSON.createObjectNode().put("name", "rest-overhead bench " + UUID.randomUUID().toString()
			        .substring(0, 8)).put("url", receiver.url("/hook"));
			t.putArray("eventTypes").add("patient.*").add("encounter.*").add("obs.*").add("visit.*");
			t.set("signing", JSON.createObjectNode().put("enabled", true));
			HttpResponse<String> made = send(post("/ws/rest/v1/webhooktarget", t));
			if (made.statusCode() != 201) {
				throw new IllegalStateException("target create: HTTP " + made.statusCode() + " " + made.body());
			}
			String target = JSON.readTree(made.body()).path("uuid").asText();
			try {
				System.out.printf("OpenMRS %s at %s; %d round(s) x %d patient creates each way after %d warm-up creates"
				        + " each way; %d other enabled target(s); load average before: %s%n",
				    core, url, rounds, perRound, warmup, others, loadBefore);
				Map<String, Long> responseAt = new LinkedHashMap<>();
				Map<String, List<Double>> all = new LinkedHashMap<>();
				Map<String, Long> cpuAll = new HashMap<>();
				for (String side : SIDES) {
					all.put(side, new ArrayList<>());
				}
				// warm-up, both ways
				creates(warmup, null);
				moduleAction("STOP");
				creates(warmup, null);
				moduleAction("START");
				for (int r = 1; r <= rounds; r++) {
					// rotate which side goes first, so drift (a growing database, JIT, caches) favours none
					List<String> order = new ArrayList<>(SIDES);
					Collections.rotate(order, -(r - 1));
					Map<String, List<Double>> round = new HashMap<>();
					Map<String, Double> cpu = new HashMap<>();
					for (String side : order) {
						boolean wantStarted = !OFF.equals(side);
						if (started() != wantStarted) {
							moduleAction(wantStarted ? "START" : "STOP");
						}
						if (PAUSED.equals(side)) {
							setGlobalProperty("webhooks.delivery.enabled", "false");
						}
						// A module start or stop refreshes Spring: class loading, JIT and GC go on for a while after.
						quiesce();
						Map<String, Long> sent = new LinkedHashMap<>();
						creates(SETTLE, wantStarted ? sent : null);
						Map<String, Long> measured = new LinkedHashMap<>();
						long cpu0 = cpuMillis();
						round.put(side, creates(perRound, wantStarted ? measured : null));
						long cpu1 = cpuMillis();
						sent.putAll(measured);
						if (ON.equals(side)) {
							responseAt.putAll(measured);
						}
						if (PAUSED.equals(side)) {
							setGlobalProperty("webhooks.delivery.enabled", "true");
						}
						// Every event of this side delivered before the next side: no delivery work spills into it,
						// and a module stop never holds back a delivery of the measured ones.
						awaitDelivered(receiver, sent.keySet());
						if (ON.equals(side)) {
							cpu1 = cpuMillis(); // the delivery work of the measured creates counts on this side
						}
						cpu.put(side, (cpu1 - cpu0) / (double) perRound);
						cpuAll.merge(side, cpu1 - cpu0, Long::sum);
					}
					for (String side : SIDES) {
						all.get(side).addAll(round.get(side));
					}
					System.out.printf("round %d (%s): on median %.1f ms, mean %.1f ms; off median %.1f ms, mean %.1f ms;"
					        + " ratio of medians %.3fx; capture only (delivery paused) median %.1f ms, %.3fx%n",
					    r, String.join(", ", order), median(round.get(ON)), mean(round.get(ON)), median(round.get(OFF)),
					    mean(round.get(OFF)), median(round.get(ON)) / median(round.get(OFF)), median(round.get(PAUSED)),
					    median(round.get(PAUSED)) / median(round.get(OFF)));
					if (pid > 0) {
						System.out.printf("round %d: Tomcat CPU per create: on %.1f ms, capture only %.1f ms, off %.1f ms%n", r,
						    cpu.get(ON), cpu.get(PAUSED), cpu.get(OFF));
					}
				}
				if (!started()) {
					moduleAction("START");
				}
				latency(receiver, responseAt);
				List<Double> on = all.get(ON);
				List<Double> off = all.get(OFF);
				List<Double> paused = all.get(PAUSED);
				double onMs = median(on);
				double offMs = median(off);
				System.out.printf("capture only (started, delivery paused: the outbox write without the delivery work"
				        + " beside the requests): median %.1f ms, mean %.1f ms (n=%d), %.3fx the stopped module's median%n",
				    median(paused), mean(paused), paused.size(), median(paused) / offMs);
				if (pid > 0) {
					double n = rounds * (double) perRound;
					System.out.printf("Tomcat CPU per create (all its threads, /proc/%d/stat; on includes delivering the"
					        + " creates' events): on %.1f ms, capture only %.1f ms, off %.1f ms; on/off %.3fx%n", pid,
					    cpuAll.get(ON) / n, cpuAll.get(PAUSED) / n, cpuAll.get(OFF) / n,
					    cpuAll.get(ON) / (double) cpuAll.get(OFF));
				}
				System.out.printf("all rounds: on median %.1f ms, mean %.1f ms, p90 %.1f ms (n=%d); off median %.1f ms,"
				        + " mean %.1f ms, p90 %.1f ms (n=%d); ratio of means %.3fx; re-logins %d; module stops and"
				        + " starts %d, of which answered an error %d; Tomcat not idle within 60 s before a side: %d;"
				        + " load average after: %s%n",
				    onMs, mean(on), percentile(on, 90), on.size(), offMs, mean(off), percentile(off, 90), off.size(),
				    mean(on) / mean(off), relogins, toggles, actionErrors, quiesceTimeouts, loadAverage());
				System.out.printf("rest-overhead: %.3fx (on %.1f ms, off %.1f ms)%n", onMs / offMs, onMs, offMs);
			}
			finally {
				send(delete("/ws/rest/v1/webhooktarget/" + target + "?reason=bench+done"));
			}
		}
	}

	/**
	 * Commit to receiver for every patient created in the measured started rounds: each one's first patient.created
	 * notification, against the event's timestamp and against the REST response.
	 */
	private void latency(Receiver receiver, Map<String, Long> responseAt) throws Exception {
		long deadline = System.currentTimeMillis() + 120_000;
		Map<String, Receiver.Request> first = new HashMap<>();
		while (true) {
			first.clear();
			for (Receiver.Request r : receiver.requests()) {
				JsonNode body = JSON.readTree(r.body());
				String uuid = body.path("data").path("uuid").asText();
				if ("patient.created".equals(body.path("type").asText()) && responseAt.containsKey(uuid)) {
					first.putIfAbsent(uuid, r);
				}
			}
			if (first.size() == responseAt.size() || System.currentTimeMillis() > deadline) {
				break;
			}
			Thread.sleep(500);
		}
		List<Double> fromTimestamp = new ArrayList<>();
		List<Double> fromResponse = new ArrayList<>();
		// in creation order: the n-th measured create while started (perRound of them per round)
		int n = 0;
		List<String> slowest = new ArrayList<>();
		for (Map.Entry<String, Long> e : responseAt.entrySet()) {
			n++;
			Receiver.Request r = first.get(e.getKey());
			if (r == null) {
				continue;
			}
			long committed = Instant.parse(JSON.readTree(r.body()).path("timestamp").asText()).toEpochMilli();
			long ms = r.receivedAtMillis() - committed;
			fromTimestamp.add((double) ms);
			fromResponse.add((double) (r.receivedAtMillis() - e.getValue()));
			if (ms > 1000) {
				slowest.add("#" + n + " " + ms + " ms");
			}
		}
		System.out.printf("commit to receiver, %d of %d patients created while started: from the event's timestamp"
		        + " p50 %.0f ms, p99 %.0f ms, max %.0f ms; from the REST response p50 %.0f ms, p99 %.0f ms (negative:"
		        + " delivered before the response reached the client)%n",
		    first.size(), responseAt.size(), percentile(fromTimestamp, 50), percentile(fromTimestamp, 99),
		    percentile(fromTimestamp, 100), percentile(fromResponse, 50), percentile(fromResponse, 99));
		if (!slowest.isEmpty()) {
			System.out.printf("over 1 s from commit to receiver (n-th measured create while started): %s%n",
			    String.join(", ", slowest));
		}
		if (first.size() != responseAt.size()) {
			System.out.printf("MISSING: %d patient(s) created while started never reached the receiver%n",
			    responseAt.size() - first.size());
		}
	}

	/** Waits until a patient.created of each of these patients reached the receiver. */
	private static void awaitDelivered(Receiver receiver, Set<String> patients) throws Exception {
		if (patients.isEmpty()) {
			return;
		}
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			Set<String> arrived = new HashSet<>();
			for (Receiver.Request r : receiver.requests()) {
				JsonNode body = JSON.readTree(r.body());
				if ("patient.created".equals(body.path("type").asText())) {
					arrived.add(body.path("data").path("uuid").asText());
				}
			}
			if (arrived.containsAll(patients)) {
				return;
			}
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("not delivered within 2 minutes: "
				        + patients.stream().filter(p -> !arrived.contains(p)).count() + " of " + patients.size());
			}
			Thread.sleep(200);
		}
	}

	/** {@code n} patient creates, one after the other; the time of each in ms. Records response times if asked. */
	private List<Double> creates(int n, Map<String, Long> responseAt) throws Exception {
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			HttpRequest request = post("/ws/rest/v1/patient", patient());
			long start = System.nanoTime();
			HttpResponse<String> r = send(request);
			long end = System.nanoTime();
			long at = System.currentTimeMillis();
			if (r.statusCode() == 401) {
				// the session ended (a module start refreshes Spring): sign in again and do not count this one
				relogins++;
				login();
				i--;
				continue;
			}
			if (r.statusCode() != 201) {
				throw new IllegalStateException("patient create: HTTP " + r.statusCode() + " " + cut(r.body()));
			}
			times.add((end - start) / 1e6);
			if (responseAt != null) {
				responseAt.put(JSON.readTree(r.body()).path("uuid").asText(), at);
			}
		}
		return times;
	}

	private ObjectNode patient() throws Exception {
		ObjectNode person = JSON.createObjectNode().put("gender", "F").put("birthdate", "1980-01-01");
		person.putArray("names").add(JSON.createObjectNode().put("givenName", "Bench").put("familyName", "Overhead"));
		ObjectNode id = JSON.createObjectNode()
		        .put("identifier", "BENCH" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase())
		        .put("identifierType", identifierType()).put("location", location()).put("preferred", true);
		ObjectNode p = JSON.createObjectNode();
		p.set("person", person);
		p.putArray("identifiers").add(id);
		return p;
	}

	/** An identifier type without a check-digit validator (created once if the server has none). */
	private String identifierType() throws Exception {
		if (identifierType == null) {
			for (JsonNode t : get("/ws/rest/v1/patientidentifiertype?v=custom:(uuid,validator)").path("results")) {
				if (t.path("validator").asText("").isEmpty() || t.path("validator").isNull()) {
					identifierType = t.path("uuid").asText();
					break;
				}
			}
			if (identifierType == null) {
				identifierType = create("/ws/rest/v1/patientidentifiertype", JSON.createObjectNode()
				        .put("name", "Webhooks bench id").put("description", "made by benchmarks/run rest-overhead"));
			}
		}
		return identifierType;
	}

	private String location() throws Exception {
		if (location == null) {
			JsonNode l = get("/ws/rest/v1/location?v=custom:(uuid)&limit=1").path("results");
			location = l.size() > 0 ? l.get(0).path("uuid").asText()
			        : create("/ws/rest/v1/location", JSON.createObjectNode().put("name", "Webhooks bench clinic"));
		}
		return location;
	}

	private String coreVersion() {
		try {
			JsonNode info = get("/ws/rest/v1/systeminformation").path("systemInfo");
			return info.path("SystemInfo.title.openmrsInformation").path("SystemInfo.OpenMRSInstallation.openmrsVersion")
			        .asText("?");
		}
		catch (Exception e) {
			return "?";
		}
	}

	// --- the module and its settings -----------------------------------------------------------------------------

	private boolean started() throws Exception {
		return get("/ws/rest/v1/module/webhooks").path("started").asBoolean(false);
	}

	/** STOP or START through REST; returns when the module says it is stopped or started. */
	private void moduleAction(String action) throws Exception {
		long t0 = System.nanoTime();
		ObjectNode body = JSON.createObjectNode().put("action", action);
		body.putArray("modules").add("webhooks");
		HttpResponse<String> r = send(post("/ws/rest/v1/moduleaction", body));
		if (r.statusCode() == 401) {
			relogins++;
			login();
			r = send(post("/ws/rest/v1/moduleaction", body));
		}
		boolean want = "START".equals(action);
		if (r.statusCode() / 100 != 2) {
			// Seen on 2.8.9 + REST 3.4.1 after a few stop/start cycles: the start succeeds, then the REST module's
			// answer fails (its resource scan reads an empty class file, ArrayIndexOutOfBoundsException in ASM).
			// What counts is the module's state, checked below; the failed answers are counted and printed.
			actionErrors++;
			log("moduleaction " + action + " answered HTTP " + r.statusCode() + ": " + cut(r.body()).split("\\\\n", 2)[0]);
		}
		long deadline = System.currentTimeMillis() + 300_000;
		while (started() != want) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("module not " + (want ? "started" : "stopped") + " after 5 minutes");
			}
			Thread.sleep(500);
		}
		log(action + " took " + Math.round((System.nanoTime() - t0) / 1e6) + " ms");
		toggles++;
	}

	private void setGlobalProperty(String name, String value) throws Exception {
		HttpResponse<String> r = send(post("/ws/rest/v1/systemsetting/" + name, JSON.createObjectNode().put("value", value)));
		if (r.statusCode() / 100 != 2) {
			throw new IllegalStateException("set " + name + ": HTTP " + r.statusCode() + " " + cut(r.body()));
		}
	}

	// --- HTTP on an OpenMRS session ------------------------------------------------------------------------------

	/** One Basic-authenticated GET /session; every later request carries only its JSESSIONID cookie. */
	private void login() throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/ws/rest/v1/session"))
		        .timeout(Duration.ofMinutes(2)).header("Authorization", "Basic " + basic)
		        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200 || !JSON.readTree(r.body()).path("authenticated").asBoolean()) {
			throw new IllegalStateException("sign-in as " + user + " failed: HTTP " + r.statusCode());
		}
		cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
		        .map(c -> c.split(";", 2)[0]).findFirst()
		        .orElseThrow(() -> new IllegalStateException("no JSESSIONID cookie from GET /session"));
	}

	private HttpRequest.Builder base(String path) {
		return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5)).header("Cookie", cookie)
		        .header("Accept", "application/json");
	}

	private HttpRequest post(String path, Object body) throws IOException {
		return base(path).header("Content-Type", "application/json")
		        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
	}

	private HttpRequest delete(String path) {
		return base(path).DELETE().build();
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> r = send(base(path).GET().build());
		if (r.statusCode() == 401) {
			relogins++;
			login();
			r = send(base(path).GET().build());
		}
		if (r.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + cut(r.body()));
		}
		return JSON.readTree(r.body());
	}

	private String create(String path, ObjectNode body) throws Exception {
		HttpResponse<String> r = send(post(path, body));
		if (r.statusCode() != 201) {
			throw new IllegalStateException("POST " + path + ": HTTP " + r.statusCode() + " " + cut(r.body()));
		}
		return JSON.readTree(r.body()).path("uuid").asText();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	// --- numbers and the rest ------------------------------------------------------------------------------------

	static double median(List<Double> values) {
		return percentile(values, 50);
	}

	/** Nearest-rank percentile (p in 0..100). */
	static double percentile(List<Double> values, double p) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		if (p == 50 && sorted.size() % 2 == 0) {
			return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	static double mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
	}

	private static String loadAverage() {
		try {
			String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	private static Path omod(Path root) throws IOException {
		String o = System.getenv("WEBHOOKS_OMOD");
		if (o != null && !o.isBlank()) {
			return Paths.get(o).toAbsolutePath();
		}
		try (Stream<Path> files = Files.list(root.resolve("omod/target"))) {
			return files.filter(p -> p.getFileName().toString().matches("webhooks-.*\\.omod")).findFirst()
			        .orElseThrow(() -> new IllegalStateException("no omod/target/webhooks-*.omod: build it with "
			                + "mvn -B package -DskipTests, or set WEBHOOKS_OMOD"));
		}
	}

	private static void script(Path root, String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>();
		cmd.add(root.resolve(".ci/openmrs-server").toString());
		cmd.addAll(List.of(args));
		// its output is progress, not figures: to stderr, so stdout ends with the result
		Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
		        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
		if (!p.waitFor(15, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new IllegalStateException("timed out: " + cmd);
		}
		if (p.exitValue() != 0) {
			throw new IllegalStateException("exit " + p.exitValue() + ": " + cmd);
		}
	}

	/**
	 * Waits until the Tomcat JVM is nearly idle (under 5 % of a core over a second, at most 60 s), or 5 s when its
	 * CPU time cannot be read.
	 */
	private void quiesce() throws InterruptedException {
		if (pid <= 0) {
			Thread.sleep(5000);
			return;
		}
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			long c0 = cpuMillis();
			Thread.sleep(1000);
			if (cpuMillis() - c0 <= 50) {
				return;
			}
		}
		quiesceTimeouts++;
	}

	/** User plus system CPU time of the Tomcat JVM so far, in ms (0 when not known). */
	private long cpuMillis() {
		if (pid <= 0) {
			return 0;
		}
		try {
			String stat = Files.readString(Paths.get("/proc/" + pid + "/stat"));
			// after "(comm)": state is field 3; utime and stime are fields 14 and 15, in clock ticks (100 per second)
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	private static long tomcatPid(Path serverDir) {
		try {
			return Long.parseLong(Files.readString(serverDir.resolve("tomcat/catalina.pid")).trim());
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	private static String envOr(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

	private static String cut(String s) {
		return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "…" : s;
	}

	private static void log(String s) {
		System.err.println("[rest-overhead] " + s);
	}
}
