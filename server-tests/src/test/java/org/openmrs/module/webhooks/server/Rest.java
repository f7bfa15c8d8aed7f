package org.openmrs.module.webhooks.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenMRS web API as a user's script calls it: the JDK's HTTP client, HTTP Basic on every request (no session
 * kept, so one request that loses its session cannot hide behind a later one).
 */
final class Rest {

	static final ObjectMapper JSON = new ObjectMapper();

	/** One answer: status and body. */
	record Answer(int status, String body, HttpResponse<String> raw) {

		JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException e) {
				throw new AssertionError("not JSON (HTTP " + status + "): " + cut(body), e);
			}
		}

		boolean ok() {
			return status / 100 == 2;
		}

		/** For assertion messages: the status and the start of the body. */
		String describe() {
			return "HTTP " + status + ": " + cut(body);
		}
	}

	private final ServerConfig config;

	private final HttpClient client;

	private final String authorization;

	Rest(ServerConfig config) {
		this(config, config.user, config.password);
	}

	Rest(ServerConfig config, String user, String password) {
		this.config = config;
		this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
		        .followRedirects(HttpClient.Redirect.NEVER).build();
		this.authorization = "Basic "
		        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	/** {@code path} under the OpenMRS base URL, e.g. {@code /ws/rest/v1/patient/…}. */
	URI uri(String path) {
		return URI.create(config.url + path);
	}

	Answer get(String path) {
		return send(base(path).GET());
	}

	Answer post(String path, Object body) {
		return send(base(path).header("Content-Type", "application/json")
		        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
	}

	Answer delete(String path) {
		return send(base(path).DELETE());
	}

	/** A multipart/form-data POST of one file in the field {@code file}, as {@code curl -F file=@…} sends it. */
	Answer upload(String path, Path file) throws IOException {
		String boundary = "----webhooks-e2e-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
		        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
		                .getBytes(StandardCharsets.UTF_8));
		body.write(Files.readAllBytes(file));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(base(path).timeout(Duration.ofMinutes(5))
		        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
		        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpRequest.Builder base(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(3)).header("Authorization", authorization)
		        .header("Accept", "application/json");
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(r.statusCode(), r.body(), r);
		}
		catch (IOException e) {
			throw new AssertionError("request failed: " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	static String write(Object body) {
		if (body instanceof String s) {
			return s;
		}
		try {
			return JSON.writeValueAsString(body);
		}
		catch (IOException e) {
			throw new IllegalArgumentException(e);
		}
	}

	static String cut(String s) {
		if (s == null) {
			return "";
		}
		return s.length() > 600 ? s.substring(0, 600) + "…" : s;
	}
}
