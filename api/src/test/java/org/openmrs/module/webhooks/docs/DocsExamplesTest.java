package org.openmrs.module.webhooks.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.EventTypes;
import org.openmrs.module.webhooks.payload.PayloadBuilder;
import org.openmrs.module.webhooks.signing.SecretGenerator;
import org.openmrs.module.webhooks.signing.WebhookSigner;
import org.openmrs.module.webhooks.signing.WebhookVerifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Keeps {@code docs/events.md} and {@code docs/verify-signatures.md} honest.
 * <ul>
 * <li>Each {@code <!-- example: name -->} JSON block is what {@link PayloadBuilder} writes for the fixed event of
 * that name defined here (compared as JSON trees, member order included), and every such event is shown.</li>
 * <li>Every event type of {@link EventTypes#all()} and the test event are documented.</li>
 * <li>Each {@code <!-- vector: name -->} table and the example request hold signatures that {@link WebhookSigner}
 * and the official Java library both compute, over a body the payload code writes.</li>
 * <li>The Java snippet compiles against the official library and, run as a receiver, accepts genuine requests
 * and refuses altered, re-serialised, stale and unsigned ones; so does the Node.js snippet, run by {@code node}
 * with the npm package of {@code src/test/node}, which also accepts the vectors with its clock set to their
 * time; so does the Python snippet where {@code python3} has the {@code standardwebhooks} package.</li>
 * </ul>
 * By default it only checks. With {@code -Dwebhooks.docs.write=true} it first rewrites the example blocks, and the
 * bodies and signatures of the example request and of the notification vector, from the code, then checks:
 *
 * <pre>
 * mvn -B -q -pl openmrs-stubs,api verify -Dtest=DocsExamplesTest -Dsurefire.failIfNoSpecifiedTests=false -Dwebhooks.docs.write=true
 * </pre>
 *
 * Node.js and its package are required under CI (the {@code CI} environment variable) and skipped elsewhere when
 * missing; Python is optional everywhere, because CI reaches no Python registry.
 */
class DocsExamplesTest {

	private static final boolean WRITE = Boolean.getBoolean("webhooks.docs.write");

	private static final Path DOCS = locateDocs();

	private static final Path EVENTS = DOCS.resolve("events.md");

	private static final Path VERIFY = DOCS.resolve("verify-signatures.md");

	private static final Path NODE_DIR = Paths.get("src/test/node").toAbsolutePath();

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Pattern BLOCK = Pattern.compile(
	    "<!-- (example|snippet|request): ([A-Za-z0-9._-]+) -->\\R(?:[ \\t]*\\R)*```([A-Za-z]*)\\R(.*?)^```[ \\t]*$",
	    Pattern.DOTALL | Pattern.MULTILINE);

	private static final Pattern ANY_MARKER = Pattern.compile("<!-- (example|snippet|request|vector): ");

	/** The request in events.md is signed with the secret of this vector. */
	private static final String REQUEST_VECTOR = "openmrs-patient-created";

	// ------------------------------------------------------------ the examples

	private static final String INSTANCE = "Example Clinic";

	private static final String MODULE_VERSION = "1.0.0";

	private static final String PATIENT = "7b770bfb-e6f8-4cb7-9c3e-d079abfd00c2";

	private static final String MERGED_AWAY = "c164ac8a-33ba-447c-9e6c-bc8b3fdc7e50";

	private static final String VISIT = "99bd181f-b1c9-4202-a713-189df45e6d44";

	private static final String ENCOUNTER = "434f1353-189c-4e4e-8348-36ddc680320e";

	private static final String OLD_OBS = "a15dc490-1be1-4792-b44d-825366323e28";

	private static final String NEW_OBS = "53050380-c1a7-4ee1-a642-b5b1f215128f";

	private static final String BATCH_ENCOUNTER = "651293d6-5a3c-470d-bd2a-d9879187b07b";

	private static final String BATCH_OBS_1 = "bbf005dc-e961-48ab-9093-8710dce799b0";

	private static final String BATCH_OBS_2 = "fa479bd8-f9b0-4242-8688-46abd1cfee95";

	// metadata uuids the capture records for target filters; the payload leaves them out
	private static final String ENCOUNTER_TYPE = "67a71486-1a54-468f-ac3e-7091a9a79584";

	private static final String VISIT_TYPE = "7b0f5697-27e3-40c4-8bae-f4049abfb4ed";

	private static final String LOCATION = "44c3efb0-2583-4c80-a79e-1f756a03c0a1";

	private static final String FORM = "a000cb34-9ec1-4344-a1c8-f692232f6edd";

	private static final String WEIGHT_CONCEPT = "5089AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	private static final PayloadBuilder BUILDER = new PayloadBuilder(() -> INSTANCE, () -> MODULE_VERSION,
	        (resource, uuid, representation) -> {
		        throw new AssertionError("the examples are thin payloads");
	        });

	/** The fixed events behind the examples, by the name of their marker in events.md, in document order. */
	static Map<String, byte[]> examples() {
		Map<String, byte[]> examples = new LinkedHashMap<>();
		examples.put("patient.created", BUILDER.build(new Event(101, "53ed9922-d373-4dc8-9ba0-e5392dfbe058",
		        "patient.created", "patient", PATIENT, PATIENT, at("2026-11-27T09:05:01.123Z"), null), null));
		examples.put("patient.updated", BUILDER.build(new Event(102, "2b378b54-e04e-4bef-9d03-85a36ea1948f",
		        "patient.updated", "patient", PATIENT, PATIENT, at("2026-11-27T09:07:45.880Z"), null), null));
		examples.put("encounter.created",
		    BUILDER.build(new Event(104, "a5718962-d619-48c2-885a-b1bb2fcbcf21", "encounter.created", "encounter",
		            ENCOUNTER, PATIENT, at("2026-11-27T09:12:44.519Z"), attributes("encounterType", ENCOUNTER_TYPE,
		                "location", LOCATION, "form", FORM, "visit", VISIT)),
		        null));
		examples.put("obs.created",
		    BUILDER.build(new Event(131, "75dd0154-f1b1-446e-bf99-af7aa3a8f868", "obs.created", "obs", NEW_OBS,
		            PATIENT, at("2026-11-27T10:02:17.045Z"), attributes("concept", WEIGHT_CONCEPT, "encounter",
		                ENCOUNTER, "location", LOCATION, "previousVersion", OLD_OBS)),
		        null));
		examples.put("visit.updated",
		    BUILDER.build(new Event(140, "d6abb6c7-d24d-44cb-ac9b-b0549f84e092", "visit.updated", "visit", VISIT,
		            PATIENT, at("2026-11-27T11:30:00.250Z"), attributes("visitType", VISIT_TYPE, "location", LOCATION)),
		        null));
		examples.put("patient.merged",
		    BUILDER.build(new Event(152, "c37b8426-a56a-46b1-83f1-81e3e79ca58f", "patient.merged", "patient", PATIENT,
		            PATIENT, at("2026-11-28T08:15:09.870Z"),
		            attributes("preferredPatient", PATIENT, "nonPreferredPatient", MERGED_AWAY)),
		        null));
		long batchCommit = at("2026-11-28T10:41:03.302Z");
		Map<String, String> batchEncounter = attributes("encounterType", ENCOUNTER_TYPE, "location", LOCATION, "form",
		    FORM, "visit", VISIT);
		Map<String, String> batchObs = attributes("concept", WEIGHT_CONCEPT, "encounter", BATCH_ENCOUNTER, "location",
		    LOCATION);
		examples.put("batch", BUILDER.buildBatch("batch_de5d5b82-4df7-4146-8bf6-d8fc0956a206",
		    at("2026-11-28T10:41:03.911Z"),
		    List.of(
		        new Event(160, "de5d5b82-4df7-4146-8bf6-d8fc0956a206", "encounter.created", "encounter", BATCH_ENCOUNTER,
		                PATIENT, batchCommit, batchEncounter),
		        new Event(161, "0c0d6a55-8e4b-4f35-a3b2-5f3f2f0e9a71", "obs.created", "obs", BATCH_OBS_1, PATIENT,
		                batchCommit, batchObs),
		        new Event(162, "e8f1c3a4-6b2d-4c1e-9f7a-2d5b8c4e1f90", "obs.created", "obs", BATCH_OBS_2, PATIENT,
		                batchCommit, batchObs)),
		    null));
		examples.put(EventTypes.TEST, BUILDER.build(new Event(0, "3e4a9c2b-7f18-4d65-b0e3-9a1c5d7f2b46",
		        EventTypes.TEST, "webhooks", null, null, at("2026-11-27T08:58:12.004Z"), null), null));
		return examples;
	}

	private static long at(String instant) {
		return Instant.parse(instant).toEpochMilli();
	}

	private static Map<String, String> attributes(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	// ---------------------------------------------------------------- the tests

	/**
	 * With {@code -Dwebhooks.docs.write=true}: rewrites what the docs show from the code, before any check runs.
	 */
	@BeforeAll
	static void regenerate() throws Exception {
		if (!WRITE) {
			return;
		}
		Map<String, byte[]> examples = examples();

		// the example blocks
		String text = read(EVENTS);
		StringBuilder out = new StringBuilder();
		int from = 0;
		for (Block block : blocks(text, "example")) {
			byte[] body = examples.get(block.name);
			assertThat(body).as("events.md shows an example the test does not define: %s", block.name).isNotNull();
			out.append(text, from, block.start).append(pretty(MAPPER.readTree(body), "")).append('\n');
			from = block.end;
		}
		text = out.append(text.substring(from)).toString();

		// the vector made of a notification: its body and signature
		String body = new String(examples.get("patient.created"), UTF_8);
		Map<String, String> module = vector(read(VERIFY), REQUEST_VECTOR);
		String secret = module.get("secret");
		String vectors = setVectorValue(read(VERIFY), REQUEST_VECTOR, "body", body);
		vectors = setVectorValue(vectors, REQUEST_VECTOR, "webhook-signature", new WebhookSigner().signatureHeader(
		    module.get("webhook-id"), Long.parseLong(module.get("webhook-timestamp")), body.getBytes(UTF_8),
		    List.of(secret)));
		write(VERIFY, vectors);

		// the example request: its body and signature
		Block block = only(blocks(text, "request"));
		String requestBody = new String(examples.get(block.name), UTF_8);
		HttpText request = HttpText.parse(block.body);
		String signature = new WebhookSigner().signatureHeader(request.headers.get("webhook-id"),
		    Long.parseLong(request.headers.get("webhook-timestamp")), requestBody.getBytes(UTF_8), List.of(secret));
		String rewritten = block.body.replaceFirst("(?m)^webhook-signature: .*$", "webhook-signature: " + signature)
		        .replaceFirst("(?s)\\R\\R.*$", "\n\n" + requestBody.replace("\\", "\\\\").replace("$", "\\$") + "\n");
		write(EVENTS, text.substring(0, block.start) + rewritten + text.substring(block.end));
	}

	@Test
	void examples_shouldBeWhatThePayloadBuilderWrites() throws IOException {
		Map<String, byte[]> examples = examples();
		List<Block> blocks = blocks(read(EVENTS), "example");
		List<String> shown = new ArrayList<>();
		for (Block block : blocks) {
			shown.add(block.name);
			assertThat(block.lang).as("example %s is a json block", block.name).isEqualTo("json");
			byte[] expected = examples.get(block.name);
			assertThat(expected).as("events.md shows an example the test does not define: %s", block.name).isNotNull();
			JsonNode documented;
			try {
				documented = MAPPER.readTree(block.body);
			}
			catch (IOException e) {
				throw new AssertionError("example " + block.name + " in events.md is not valid JSON: " + e.getMessage());
			}
			JsonNode built = MAPPER.readTree(expected);
			// compact text of each tree: unlike JsonNode.equals, it also compares member order
			assertThat(MAPPER.writeValueAsString(documented))
			        .as("example %s in events.md differs from what PayloadBuilder writes; regenerate with"
			                + " -Dwebhooks.docs.write=true. PayloadBuilder writes:%n%s",
			            block.name, pretty(built, ""))
			        .isEqualTo(MAPPER.writeValueAsString(built));
		}
		assertThat(shown).as("each example once, in the test's order").containsExactlyElementsOf(examples.keySet());
	}

	@Test
	void eventTypes_shouldEachBeDocumented() throws IOException {
		String text = read(EVENTS);
		List<String> types = new ArrayList<>(EventTypes.all());
		types.add(EventTypes.TEST);
		for (String type : types) {
			assertThat(text).as("the event type table of events.md lists %s", type).contains("| `" + type + "` |");
		}
	}

	@Test
	void markers_shouldEachMarkABlockOrATable() throws IOException {
		for (Path doc : List.of(EVENTS, VERIFY)) {
			String text = read(doc);
			Matcher markers = ANY_MARKER.matcher(text);
			int count = 0;
			while (markers.find()) {
				count++;
			}
			int parsed = blocks(text, null).size() + vectorNames(text).size();
			assertThat(parsed).as("markers in %s followed by a fenced block or a vector table", doc.getFileName())
			        .isEqualTo(count);
		}
	}

	@Test
	void vectors_shouldBeWhatTheSignerAndTheOfficialLibrarySign() throws Exception {
		String text = read(VERIFY);
		assertThat(vectorNames(text)).containsExactly("standard-webhooks", REQUEST_VECTOR);
		Map<String, String> standard = vector(text, "standard-webhooks");
		assertThat(standard).as("the Standard Webhooks reference vector, unchanged").containsExactly(
		    Map.entry("secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
		    Map.entry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"), Map.entry("webhook-timestamp", "1614265330"),
		    Map.entry("body", "{\"test\": 2432232314}"),
		    Map.entry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
		Map<String, String> module = vector(text, REQUEST_VECTOR);
		assertThat(module.get("body")).as("the %s vector's body is the patient.created example as sent", REQUEST_VECTOR)
		        .isEqualTo(new String(examples().get("patient.created"), UTF_8));
		assertThat(module.get("webhook-id")).isEqualTo(MAPPER.readTree(module.get("body")).get("id").asText());

		for (Map<String, String> v : List.of(standard, module)) {
			String id = v.get("webhook-id");
			long timestamp = Long.parseLong(v.get("webhook-timestamp"));
			byte[] body = v.get("body").getBytes(UTF_8);
			String signature = v.get("webhook-signature");
			assertThat(new WebhookSigner().signatureHeader(id, timestamp, body, List.of(v.get("secret"))))
			        .as("WebhookSigner on vector %s", id).isEqualTo(signature);
			assertThat(new Webhook(v.get("secret")).sign(id, timestamp, v.get("body")))
			        .as("the official Java library on vector %s", id).isEqualTo(signature);
			assertThat(WebhookVerifier.verify(Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp),
			    "webhook-signature", signature), body, v.get("secret"), Instant.ofEpochSecond(timestamp),
			    WebhookVerifier.DEFAULT_TOLERANCE)).isEqualTo(WebhookVerifier.Result.VALID);
		}
	}

	@Test
	void request_shouldBeSignedAsTheModuleSignsIt() throws Exception {
		Block block = only(blocks(read(EVENTS), "request"));
		HttpText request = HttpText.parse(block.body);
		String body = new String(examples().get(block.name), UTF_8);
		Map<String, String> vector = vector(read(VERIFY), REQUEST_VECTOR);
		assertThat(request.body).as("the request's body is the %s example as sent", block.name).isEqualTo(body);
		assertThat(request.requestLine).startsWith("POST ");
		assertThat(request.headers).containsEntry("Content-Type", "application/json")
		        .containsEntry("User-Agent", "OpenMRS-Webhooks/" + MODULE_VERSION)
		        .containsEntry("webhook-id", MAPPER.readTree(body).get("id").asText())
		        .containsEntry("webhook-timestamp", vector.get("webhook-timestamp"))
		        .containsEntry("webhook-signature", new WebhookSigner().signatureHeader(request.headers.get("webhook-id"),
		            Long.parseLong(request.headers.get("webhook-timestamp")), body.getBytes(UTF_8),
		            List.of(vector.get("secret"))));
	}

	@Test
	void javaSnippet_shouldCompileAgainstTheOfficialLibraryAndAcceptOnlyGenuineRequests(@TempDir Path dir)
	        throws Exception {
		String source = only(blocks(read(VERIFY), "snippet", "java")).body;
		Matcher publicClass = Pattern.compile("public class (\\w+)").matcher(source);
		assertThat(publicClass.find()).as("the Java snippet declares a public class").isTrue();
		String className = publicClass.group(1);
		Path sources = Files.createDirectories(dir.resolve("src"));
		Path classes = Files.createDirectories(dir.resolve("classes"));
		Path file = sources.resolve(className + ".java");
		Files.write(file, source.getBytes(UTF_8));

		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac).as("a JDK compiler").isNotNull();
		Path library = Paths.get(Webhook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, UTF_8)) {
			boolean compiled = javac.getTask(null, files, diagnostics,
			    List.of("-classpath", library.toString(), "-d", classes.toString(), "-Xlint:all"), null,
			    files.getJavaFileObjects(file)).call();
			assertThat(compiled).as("the Java snippet compiles against %s: %s", library.getFileName(),
			    diagnostics.getDiagnostics()).isTrue();
		}

		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
		        getClass().getClassLoader())) {
			Class<?> receiver = loader.loadClass(className);
			assertThat(receiver.getMethod("main", String[].class)).isNotNull();
			Method receive = receiver.getDeclaredMethod("receive", Webhook.class, HttpExchange.class);
			receive.setAccessible(true);
			String secret = new SecretGenerator().generate();
			Webhook webhook = new Webhook(secret);
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", exchange -> {
				try {
					receive.invoke(null, webhook, exchange);
				}
				catch (IllegalAccessException | InvocationTargetException e) {
					exchange.sendResponseHeaders(500, -1);
					exchange.close();
				}
			});
			server.start();
			try {
				URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/openmrs");
				assertAnswers("Java", uri, liveCases(secret));
			}
			finally {
				server.stop(0);
			}
		}
	}

	@Test
	void nodeSnippet_shouldAcceptGenuineRequestsAndTheVectors(@TempDir Path dir) throws Exception {
		String node = requireNodeAndLibrary();
		Files.write(dir.resolve("receiver.mjs"), only(blocks(read(VERIFY), "snippet", "node")).body.getBytes(UTF_8));
		// the harness can set the library's clock (Date.now) before the receiver loads, for the fixed vectors
		Files.write(dir.resolve("harness.mjs"),
		    ("const frozen = process.env.DOCS_FROZEN_NOW;\n"
		            + "if (frozen) { const ms = Number(frozen) * 1000; Date.now = () => ms; }\n"
		            + "await import(\"./receiver.mjs\");\n").getBytes(UTF_8));
		Path modules = Files.createSymbolicLink(dir.resolve("node_modules"), NODE_DIR.resolve("node_modules"));
		System.out.println("DocsExamplesTest: " + node);
		try {
			String secret = new SecretGenerator().generate();
			runReceiver("Node.js", dir, List.of("node", "harness.mjs"), secret, null, liveCases(secret));

			String text = read(VERIFY);
			for (String name : vectorNames(text)) {
				Map<String, String> v = vector(text, name);
				List<Case> cases = List.of(
				    new Case("vector " + name, v.get("webhook-id"), v.get("webhook-timestamp"),
				            v.get("webhook-signature"), v.get("body").getBytes(UTF_8), true),
				    new Case("vector " + name + " with one space more", v.get("webhook-id"), v.get("webhook-timestamp"),
				            v.get("webhook-signature"), v.get("body").replaceFirst(":", ": ").getBytes(UTF_8), false));
				runReceiver("Node.js", dir, List.of("node", "harness.mjs"), v.get("secret"), v.get("webhook-timestamp"),
				    cases);
			}
		}
		finally {
			Files.delete(modules); // the link only, before JUnit cleans up the directory
		}
	}

	@Test
	void pythonSnippet_shouldAcceptOnlyGenuineRequests(@TempDir Path dir) throws Exception {
		String skip = pythonMissing();
		if (skip != null) {
			// optional everywhere: CI reaches no Python package registry
			System.out.println("DocsExamplesTest: Python snippet not run: " + skip);
			Assumptions.assumeTrue(false, skip);
		}
		Files.write(dir.resolve("receiver.py"), only(blocks(read(VERIFY), "snippet", "python")).body.getBytes(UTF_8));
		String secret = new SecretGenerator().generate();
		runReceiver("Python", dir, List.of("python3", "receiver.py"), secret, null, liveCases(secret));
	}

	// ----------------------------------------------------------------- requests

	/** One request to a receiver snippet and whether it must accept it (2xx) or refuse it (401). */
	private static final class Case {

		final String name;

		final String id;

		final String timestamp;

		final String signature;

		final byte[] body;

		final boolean genuine;

		Case(String name, String id, String timestamp, String signature, byte[] body, boolean genuine) {
			this.name = name;
			this.id = id;
			this.timestamp = timestamp;
			this.signature = signature;
			this.body = body;
			this.genuine = genuine;
		}
	}

	/** Requests signed now, as the module signs them, and the ways a request can fail the check. */
	private static List<Case> liveCases(String secret) throws IOException {
		WebhookSigner signer = new WebhookSigner();
		SecretGenerator generator = new SecretGenerator();
		long now = Instant.now().getEpochSecond();
		byte[] body = examples().get("encounter.created");
		byte[] batch = examples().get("batch");
		String id = MAPPER.readTree(body).get("id").asText();
		String signature = signer.signatureHeader(id, now, body, List.of(secret));
		byte[] altered = new String(body, UTF_8).replace("\"created\"", "\"voided\"").getBytes(UTF_8);
		byte[] reserialised = pretty(MAPPER.readTree(body), "").getBytes(UTF_8);
		List<Case> cases = new ArrayList<>();
		cases.add(new Case("genuine", id, String.valueOf(now), signature, body, true));
		cases.add(new Case("genuine batch", "batch_x", String.valueOf(now),
		        signer.signatureHeader("batch_x", now, batch, List.of(secret)), batch, true));
		cases.add(new Case("during a rotation (another secret's entry first)", id, String.valueOf(now),
		        signer.signatureHeader(id, now, body, List.of(generator.generate(), secret)), body, true));
		cases.add(new Case("body altered", id, String.valueOf(now), signature, altered, false));
		cases.add(new Case("body parsed and serialised again", id, String.valueOf(now), signature, reserialised, false));
		cases.add(new Case("id altered", id.replace('a', 'b'), String.valueOf(now), signature, body, false));
		cases.add(new Case("signed with another secret", id, String.valueOf(now),
		        signer.signatureHeader(id, now, body, List.of(generator.generate())), body, false));
		cases.add(new Case("timestamp 6 minutes old", id, String.valueOf(now - 360),
		        signer.signatureHeader(id, now - 360, body, List.of(secret)), body, false));
		cases.add(new Case("timestamp 6 minutes ahead", id, String.valueOf(now + 360),
		        signer.signatureHeader(id, now + 360, body, List.of(secret)), body, false));
		cases.add(new Case("no signature", id, String.valueOf(now), null, body, false));
		return cases;
	}

	private static void assertAnswers(String language, URI uri, List<Case> cases) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		for (Case c : cases) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
			        .header("Content-Type", "application/json").header("webhook-id", c.id)
			        .header("webhook-timestamp", c.timestamp).POST(HttpRequest.BodyPublishers.ofByteArray(c.body));
			if (c.signature != null) {
				request.header("webhook-signature", c.signature);
			}
			int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			if (c.genuine) {
				assertThat(status).as("%s snippet, %s: accepted", language, c.name).isBetween(200, 299);
			} else {
				assertThat(status).as("%s snippet, %s: refused", language, c.name).isEqualTo(401);
			}
		}
	}

	/** Starts a receiver snippet as a process on a free port, sends it the cases, stops it. */
	private static void runReceiver(String language, Path dir, List<String> command, String secret, String frozenNow,
	        List<Case> cases) throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		Path log = dir.resolve("receiver-" + port + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
		        .redirectOutput(log.toFile());
		builder.environment().put("WEBHOOK_SECRET", secret);
		builder.environment().put("PORT", String.valueOf(port));
		if (frozenNow != null) {
			builder.environment().put("DOCS_FROZEN_NOW", frozenNow);
		}
		Process process = builder.start();
		try {
			awaitListening(process, port, log);
			assertAnswers(language, URI.create("http://127.0.0.1:" + port + "/openmrs"), cases);
		}
		catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + "\n" + language + " receiver output:\n" + readQuietly(log), e);
		}
		finally {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static void awaitListening(Process process, int port, Path log) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				fail("the receiver exited with " + process.exitValue() + " before listening:\n" + readQuietly(log));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		fail("the receiver did not listen on port " + port + " within 30 s:\n" + readQuietly(log));
	}

	// ------------------------------------------------------------- node, python

	private static String requireNodeAndLibrary() throws InterruptedException {
		String version = run("node", "--version");
		skipUnlessOnCi(version != null, "node is not on the PATH");
		skipUnlessOnCi(Files.isRegularFile(NODE_DIR.resolve("node_modules/standardwebhooks/package.json")),
		    "the npm package standardwebhooks is not installed: run npm ci --prefix api/src/test/node");
		return "node " + version;
	}

	/** Skips on a developer machine without Node.js; fails under CI (.ci/run sets CI), where it must run. */
	private static void skipUnlessOnCi(boolean condition, String why) {
		if (!condition && System.getenv("CI") != null) {
			throw new AssertionError("DocsExamplesTest cannot check the Node.js snippet under CI: " + why);
		}
		if (!condition) {
			System.out.println("DocsExamplesTest: Node.js snippet not run: " + why);
		}
		Assumptions.assumeTrue(condition, why);
	}

	/** Why the Python snippet cannot run here, or {@code null} when it can. */
	private static String pythonMissing() throws InterruptedException {
		if (run("python3", "--version") == null) {
			return "python3 is not on the PATH";
		}
		if (run("python3", "-c", "import standardwebhooks.webhooks") == null) {
			return "python3 has no standardwebhooks package (pip install standardwebhooks)";
		}
		return null;
	}

	/** The command's output when it exits 0, else {@code null}. */
	private static String run(String... command) throws InterruptedException {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(p.getInputStream().readAllBytes(), UTF_8).trim();
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return null;
			}
			return p.exitValue() == 0 ? output : null;
		}
		catch (IOException e) {
			return null;
		}
	}

	// --------------------------------------------------------------- the docs

	private static Path locateDocs() {
		// Maven runs the api module's tests in api/; an IDE may run them from the repository root
		for (String candidate : new String[] { "../docs", "docs" }) {
			Path docs = Paths.get(candidate);
			if (Files.isRegularFile(docs.resolve("events.md"))) {
				return docs.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("docs/events.md not found from " + Paths.get("").toAbsolutePath());
	}

	/** A fenced block after a marker; {@code start} and {@code end} delimit its body (the lines between fences). */
	private static final class Block {

		final String kind;

		final String name;

		final String lang;

		final String body;

		final int start;

		final int end;

		Block(String kind, String name, String lang, String body, int start, int end) {
			this.kind = kind;
			this.name = name;
			this.lang = lang;
			this.body = body;
			this.start = start;
			this.end = end;
		}
	}

	/** The marked blocks of {@code kind} ({@code null}: all), in document order. */
	private static List<Block> blocks(String text, String kind) {
		List<Block> blocks = new ArrayList<>();
		Matcher m = BLOCK.matcher(text);
		while (m.find()) {
			if (kind == null || kind.equals(m.group(1))) {
				blocks.add(new Block(m.group(1), m.group(2), m.group(3), m.group(4), m.start(4), m.end(4)));
			}
		}
		return blocks;
	}

	private static List<Block> blocks(String text, String kind, String name) {
		List<Block> named = new ArrayList<>();
		for (Block block : blocks(text, kind)) {
			if (block.name.equals(name)) {
				named.add(block);
			}
		}
		return named;
	}

	private static Block only(List<Block> blocks) {
		assertThat(blocks).as("exactly one such marked block").hasSize(1);
		return blocks.get(0);
	}

	private static List<String> vectorNames(String text) {
		List<String> names = new ArrayList<>();
		Matcher m = Pattern.compile("<!-- vector: ([A-Za-z0-9._-]+) -->\\R\\|").matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/** The rows {@code | name | `value` |} of the table after {@code <!-- vector: name -->}, in order. */
	private static Map<String, String> vector(String text, String name) {
		Map<String, String> rows = new LinkedHashMap<>();
		for (String[] row : vectorRows(text, name)) {
			rows.put(row[0], row[1]);
		}
		assertThat(rows).as("vector %s", name).containsOnlyKeys("secret", "webhook-id", "webhook-timestamp", "body",
		    "webhook-signature");
		return rows;
	}

	private static final Pattern ROW = Pattern.compile("^\\| ([a-z-]+) \\| `(.*)` \\|$");

	private static List<String[]> vectorRows(String text, String name) {
		String marker = "<!-- vector: " + name + " -->";
		int at = text.indexOf(marker);
		assertThat(at).as("%s in verify-signatures.md", marker).isNotNegative();
		List<String[]> rows = new ArrayList<>();
		Iterator<String> lines = text.substring(at + marker.length()).lines().skip(1).iterator();
		while (lines.hasNext()) {
			String line = lines.next();
			if (!line.startsWith("|")) {
				break;
			}
			Matcher m = ROW.matcher(line);
			if (m.matches()) {
				rows.add(new String[] { m.group(1), m.group(2) });
			}
		}
		return rows;
	}

	private static String setVectorValue(String text, String name, String key, String value) {
		String marker = "<!-- vector: " + name + " -->";
		int at = text.indexOf(marker);
		String prefix = "| " + key + " | `";
		int row = text.indexOf("\n" + prefix, at) + 1;
		int end = text.indexOf('\n', row);
		assertThat(row).as("row %s of vector %s", key, name).isPositive();
		return text.substring(0, row) + prefix + value + "` |" + text.substring(end);
	}

	/** The request line, headers and body of a ```http block. */
	private static final class HttpText {

		String requestLine;

		final Map<String, String> headers = new LinkedHashMap<>();

		String body;

		static HttpText parse(String block) {
			HttpText http = new HttpText();
			String[] parts = block.split("\\R\\R", 2);
			List<String> head = parts[0].lines().toList();
			http.requestLine = head.get(0);
			for (String line : head.subList(1, head.size())) {
				int colon = line.indexOf(": ");
				assertThat(colon).as("header line %s", line).isPositive();
				http.headers.put(line.substring(0, colon), line.substring(colon + 2));
			}
			http.body = parts.length > 1 ? parts[1].strip() : "";
			return http;
		}
	}

	/**
	 * JSON laid out for reading: two-space indent, {@code "name": value}, and an object with a single scalar
	 * member on one line ({@code "patient": { "uuid": "…" }}).
	 */
	static String pretty(JsonNode node, String indent) throws IOException {
		if (node.isObject() && node.size() > 0) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			if (node.size() == 1) {
				Map.Entry<String, JsonNode> only = node.fields().next();
				if (only.getValue().isValueNode()) {
					return "{ " + MAPPER.writeValueAsString(only.getKey()) + ": "
					        + MAPPER.writeValueAsString(only.getValue()) + " }";
				}
			}
			StringBuilder out = new StringBuilder("{\n");
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				out.append(indent).append("  ").append(MAPPER.writeValueAsString(field.getKey())).append(": ")
				        .append(pretty(field.getValue(), indent + "  ")).append(fields.hasNext() ? ",\n" : "\n");
			}
			return out.append(indent).append('}').toString();
		}
		if (node.isArray() && node.size() > 0) {
			StringBuilder out = new StringBuilder("[\n");
			for (int i = 0; i < node.size(); i++) {
				out.append(indent).append("  ").append(pretty(node.get(i), indent + "  "))
				        .append(i + 1 < node.size() ? ",\n" : "\n");
			}
			return out.append(indent).append(']').toString();
		}
		return MAPPER.writeValueAsString(node);
	}

	private static String read(Path file) throws IOException {
		return new String(Files.readAllBytes(file), UTF_8);
	}

	private static void write(Path file, String text) throws IOException {
		Files.write(file, text.getBytes(UTF_8));
		System.out.println("DocsExamplesTest: rewrote " + file);
	}

	private static String readQuietly(Path file) {
		try {
			return Files.isRegularFile(file) ? read(file) : "(no output)";
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
