package org.openmrs.module.webhooks.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.testsupport.Receiver.Response;

/** The shared test receiver does what the tests that use it take for granted. */
class ReceiverTest {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url)).header("Webhook-Id", "msg_1")
		        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
	void down_shouldRefuseConnectionsUntilUpOnTheSamePort() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			String url = receiver.url("/hook");
			receiver.down();
			assertThat(receiver.isUp()).isFalse();
			assertThatThrownBy(() -> post(url, "x")).isInstanceOf(ConnectException.class);

			receiver.up();
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
	void statusByPath_shouldAnswerTheStatusNamedInThePath() throws Exception {
		try (Receiver receiver = Receiver.start()) {
			receiver.respond(Receiver::statusByPath);

			assertThat(post(receiver.url("/status/410/hook"), "x").statusCode()).isEqualTo(410);
			assertThat(post(receiver.url("/hook"), "x").statusCode()).isEqualTo(200);
		}
	}
}
