package org.openmrs.module.webhooks.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.testsupport.Receiver.Response;

/**
 * The shared test receiver does what the tests that use it take for granted: it records, answers as scripted, waits,
 * goes down and up.
 */
class ReceiverTest {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
		return post(url, body, Duration.ofSeconds(5));
	}

	private HttpResponse<String> post(String url, String body, Duration timeout)
	        throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Webhook-Id", "msg_1")
		        .header("X-Api-Key", "k3y").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
		    HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void requests_shouldBeKeptInArrivalOrderWithWhatWasAnswered() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(r -> r.seq() == 1 ? Response.status(503).header("Retry-After", "7") : Response.ok());

			HttpResponse<String> first = post(receiver.url("/a?x=1"), "one");
			HttpResponse<String> second = post(receiver.url("/b"), "two");

			assertThat(first.statusCode()).isEqualTo(503);
			assertThat(first.headers().firstValue("retry-after")).contains("7");
			assertThat(second.statusCode()).isEqualTo(200);
			assertThat(second.body()).isEqualTo("{\"ok\":true}");
			List<Receiver.Request> got = receiver.requests();
			assertThat(got).extracting(Receiver.Request::seq).containsExactly(1L, 2L);
			assertThat(got).extracting(Receiver.Request::status).containsExactly(503, 200);
			assertThat(got).extracting(Receiver.Request::path).containsExactly("/a", "/b");
			assertThat(got.get(0).query()).isEqualTo("x=1");
			assertThat(got.get(0).method()).isEqualTo("POST");
			assertThat(got.get(0).body()).isEqualTo("one");
			assertThat(got.get(0).webhookId()).isEqualTo("msg_1");
			assertThat(got.get(0).headers()).containsEntry("webhook-id", List.of("msg_1"));
			assertThat(got.get(0).client().getAddress().isLoopbackAddress()).isTrue();
			assertThat(receiver.count()).isEqualTo(2);
			assertThat(receiver.successes()).isEqualTo(1);
		}
	}

	@Test
	void header_shouldBeFoundWhateverTheCaseOfItsName() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			assertThat(post(receiver.url("/hook"), "{\"a\":1}").statusCode()).isEqualTo(200);

			Receiver.Request request = receiver.awaitCount(1, Duration.ofSeconds(5)).get(0);
			assertThat(request.header("x-api-key")).isEqualTo("k3y");
			assertThat(request.header("X-API-KEY")).isEqualTo("k3y");
			assertThat(request.header("absent")).isNull();
			assertThat(request.body()).isEqualTo("{\"a\":1}");
		}
	}

	@Test
	void respond_shouldAnswerTheScriptedStatusHeadersAndBody() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(r -> r.path().equals("/busy") ? Response.status(503).header("Retry-After", "7")
			        : Response.ok().body("{\"work_order_id\":\"w1\"}"));

			HttpResponse<String> busy = post(receiver.url("/busy"), "x");
			assertThat(busy.statusCode()).isEqualTo(503);
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(post(receiver.url("/ok"), "x").body()).isEqualTo("{\"work_order_id\":\"w1\"}");
			assertThat(receiver.successes()).isEqualTo(1);

			receiver.respond(r -> Response.status(204).noBody());
			HttpResponse<String> empty = post(receiver.url("/none"), "x");
			assertThat(empty.statusCode()).isEqualTo(204);
			assertThat(empty.body()).isEmpty();
		}
	}

	@Test
	void bodyBytes_shouldBeAnsweredAsTheyAre() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			byte[] file = { 0x50, 0x4b, 0x03, 0x04, (byte) 0xff, 0 };
			receiver.respond(r -> Response.ok().header("Content-Type", "application/octet-stream").body(file));

			HttpResponse<byte[]> got = client.send(HttpRequest.newBuilder(URI.create(receiver.url("/m.omod"))).build(),
			    HttpResponse.BodyHandlers.ofByteArray());

			assertThat(got.body()).containsExactly(file);
			assertThat(got.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		}
	}

	@Test
	void stream_shouldSendTheHeadersThenWhatTheTestWrites() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(r -> Response.ok().header("Content-Type", "text/plain").stream(out -> {
				for (int i = 0; i < 3; i++) {
					out.write(("part" + i + ";").getBytes(StandardCharsets.UTF_8));
					out.flush();
				}
			}));

			HttpResponse<String> got = post(receiver.url("/drip"), "x");

			assertThat(got.statusCode()).isEqualTo(200);
			assertThat(got.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
			assertThat(got.body()).isEqualTo("part0;part1;part2;");
		}
	}

	@Test
	void delay_shouldTimeOutASenderThatWaitsLess() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(r -> Response.ok().delay(Duration.ofSeconds(2)));

			assertThatThrownBy(() -> post(receiver.url("/slow"), "x", Duration.ofMillis(300)))
			        .isInstanceOf(HttpTimeoutException.class);
		}
	}

	@Test
	void delayedAnswer_shouldShowTheRequestBeforeAnswering() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(r -> Response.ok().delay(Duration.ofSeconds(2)));

			CompletableFuture<HttpResponse<String>> answer = client.sendAsync(
			    HttpRequest.newBuilder(URI.create(receiver.url("/slow"))).POST(HttpRequest.BodyPublishers.ofString("x"))
			            .build(), HttpResponse.BodyHandlers.ofString());

			assertThat(receiver.awaitCount(1, Duration.ofSeconds(5))).singleElement()
			        .satisfies(r -> assertThat(r.path()).isEqualTo("/slow"));
			assertThat(answer).isNotDone();
			assertThat(answer.get().statusCode()).isEqualTo(200);
		}
	}

	@Test
	void hangUp_shouldCloseTheConnectionWithoutAnAnswer() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(r -> Response.hangUp());

			assertThatThrownBy(() -> post(receiver.url("/hook"), "x")).isInstanceOf(IOException.class);
			assertThat(receiver.requests()).extracting(Receiver.Request::status).containsOnly(0);
			assertThat(receiver.successes()).isZero();
		}
	}

	@Test
	void await_shouldReturnMatchingRequestsAndFailWithAMessageOnTimeout() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			post(receiver.url("/a"), "1");
			post(receiver.url("/b"), "2");

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
	void down_shouldRefuseConnectionsUntilUpOnTheSamePort() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			String url = receiver.url("/hook");
			receiver.down();
			assertThat(receiver.isUp()).isFalse();
			assertThatThrownBy(() -> post(url, "x")).isInstanceOf(ConnectException.class);

			receiver.up();
			assertThat(receiver.isUp()).isTrue();
			assertThat(receiver.url("/hook")).isEqualTo(url);
			assertThat(post(url, "x").statusCode()).isEqualTo(200);
			assertThat(receiver.count()).isEqualTo(1);
		}
	}

	@Test
	void countsOnly_shouldKeepNoRequest() throws Exception {
		try (Receiver receiver = Receiver.start("127.0.0.1", 0, 2, false, "counting-receiver")) {
			for (int i = 0; i < 3; i++) {
				assertThat(post(receiver.url("/hook"), "x").statusCode()).isEqualTo(200);
			}
			assertThat(receiver.requests()).isEmpty();
			assertThat(receiver.count()).isEqualTo(3);
			assertThat(receiver.successes()).isEqualTo(3);
		}
	}

	@Test
	void threads_shouldBeDaemonsNamedAfterThePrefix() throws Exception {
		try (Receiver receiver = Receiver.start("127.0.0.1", 0, 2, true, "probe-receiver")) {
			post(receiver.url("/hook"), "x");

			assertThat(Thread.getAllStackTraces().keySet())
			        .anyMatch(t -> t.getName().startsWith("probe-receiver-") && t.isDaemon());
			assertThat(receiver.url("10.1.2.3", "/hook")).isEqualTo("http://10.1.2.3:" + receiver.port() + "/hook");
		}
	}

	@Test
	void statusByPath_shouldAnswerTheStatusNamedInThePath() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(Receiver::statusByPath);

			assertThat(post(receiver.url("/status/410/hook"), "x").statusCode()).isEqualTo(410);
			assertThat(post(receiver.url("/hook"), "x").statusCode()).isEqualTo(200);
		}
	}
}
