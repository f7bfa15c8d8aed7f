package org.openmrs.module.webhooks.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shared test receiver does what the tests rely on: it records, answers as scripted, waits, goes down and up. */
class ReceiverTest {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private HttpResponse<String> post(String url, String body, Duration timeout) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("webhook-id", "msg_1")
		        .header("X-Api-Key", "k3y").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
		    HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void recordsEachRequestWithItsHeadersAndBodyInArrivalOrder() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			assertThat(post(receiver.url("/hook?x=1"), "{\"a\":1}", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
			post(receiver.url("/other"), "second", Duration.ofSeconds(5));
			List<Receiver.Request> got = receiver.awaitCount(2, Duration.ofSeconds(5));
			assertThat(got).extracting(Receiver.Request::seq).containsExactly(1L, 2L);
			Receiver.Request first = got.get(0);
			assertThat(first.method()).isEqualTo("POST");
			assertThat(first.path()).isEqualTo("/hook");
			assertThat(first.query()).isEqualTo("x=1");
			assertThat(first.body()).isEqualTo("{\"a\":1}");
			assertThat(first.webhookId()).isEqualTo("msg_1");
			assertThat(first.header("x-api-key")).isEqualTo("k3y");
			assertThat(first.header("X-API-KEY")).isEqualTo("k3y");
			assertThat(first.header("absent")).isNull();
			assertThat(receiver.count()).isEqualTo(2);
			assertThat(receiver.successes()).isEqualTo(2);
		}
	}

	@Test
	void answersWhatTheTestScripts() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(r -> r.path().equals("/busy") ? Receiver.Response.status(503).header("Retry-After", "7")
			        : Receiver.Response.ok().body("{\"work_order_id\":\"w1\"}"));
			HttpResponse<String> busy = post(receiver.url("/busy"), "x", Duration.ofSeconds(5));
			assertThat(busy.statusCode()).isEqualTo(503);
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(post(receiver.url("/ok"), "x", Duration.ofSeconds(5)).body()).isEqualTo("{\"work_order_id\":\"w1\"}");
			assertThat(receiver.successes()).isEqualTo(1);

			byte[] file = { 0x50, 0x4b, 0x03, 0x04, (byte) 0xff, 0 };
			receiver.respond(r -> Receiver.Response.ok().header("Content-Type", "application/octet-stream").body(file));
			assertThat(client.send(HttpRequest.newBuilder(URI.create(receiver.url("/m.omod"))).build(),
			    HttpResponse.BodyHandlers.ofByteArray()).body()).containsExactly(file);

			receiver.respond(r -> Receiver.Response.ok().delay(Duration.ofSeconds(2)));
			assertThatThrownBy(() -> post(receiver.url("/slow"), "x", Duration.ofMillis(300)))
			        .isInstanceOf(HttpTimeoutException.class);
		}
	}

	@Test
	void waitsForMatchingRequestsAndFailsWithAMessageOnTimeout() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			post(receiver.url("/a"), "1", Duration.ofSeconds(5));
			post(receiver.url("/b"), "2", Duration.ofSeconds(5));
			assertThat(receiver.awaitMatching("requests to /b", r -> r.path().equals("/b"), 1, Duration.ofSeconds(5)))
			        .extracting(Receiver.Request::body).containsExactly("2");
			assertThatThrownBy(() -> receiver.awaitCount(3, Duration.ofMillis(200))).isInstanceOf(AssertionError.class)
			        .hasMessageContaining("3 request(s)").hasMessageContaining("received 2");
			receiver.clear();
			assertThat(receiver.requests()).isEmpty();
			assertThat(receiver.count()).isEqualTo(2);
		}
	}

	@Test
	void goesDownAndComesBackOnTheSamePort() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			String url = receiver.url("/hook");
			receiver.down();
			assertThat(receiver.isUp()).isFalse();
			assertThatThrownBy(() -> post(url, "x", Duration.ofSeconds(5))).isInstanceOf(ConnectException.class);
			receiver.up();
			assertThat(receiver.url("/hook")).isEqualTo(url);
			assertThat(post(url, "x", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void namesItsThreadsAfterThePrefix() throws Exception {
		try (Receiver receiver = Receiver.start("127.0.0.1", 0, 2, true, "probe-receiver")) {
			post(receiver.url("/hook"), "x", Duration.ofSeconds(5));
			assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith("probe-receiver-")
			        && t.isDaemon());
			assertThat(receiver.url("10.1.2.3", "/hook")).isEqualTo("http://10.1.2.3:" + receiver.port() + "/hook");
		}
	}
}
