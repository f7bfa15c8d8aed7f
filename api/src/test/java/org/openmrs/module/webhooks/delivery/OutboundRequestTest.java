package org.openmrs.module.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OutboundRequestTest {

	@Test
	void build_shouldKeepHeadersInInsertionOrder() {
		// when
		OutboundRequest request = OutboundRequest.builder(URI.create("https://example.org/hook")).header("webhook-id", "1")
		        .header("webhook-timestamp", "2").header("webhook-signature", "3").header("Authorization", "4").build();

		// then
		assertThat(request.getHeaders()).containsExactly(entry("webhook-id", "1"), entry("webhook-timestamp", "2"),
		    entry("webhook-signature", "3"), entry("Authorization", "4"));
		assertThat(request.getTimeoutSeconds()).isEqualTo(30);
		assertThat(request.getBody()).isEmpty();
	}

	@Test
	void build_shouldBeImmutable() {
		// given
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		OutboundRequest request = OutboundRequest.builder(URI.create("https://example.org/")).body(body).build();

		// when
		body[0] = 'X';
		request.getBody()[1] = 'Y';

		// then
		assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo("{}");
		assertThatThrownBy(() -> request.getHeaders().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void toString_shouldNameOnlyTheHost() {
		// given
		OutboundRequest request = OutboundRequest.builder(URI.create("https://example.org/i/secret-trigger?token=abc"))
		        .header("Authorization", "Bearer topsecret").body("{\"patient\":1}".getBytes(StandardCharsets.UTF_8))
		        .build();

		// then
		assertThat(request.toString()).contains("example.org").doesNotContain("secret").doesNotContain("token")
		        .doesNotContain("patient");
	}

	@Test
	void builder_shouldRejectMissingPartsAndZeroTimeout() {
		assertThatThrownBy(() -> OutboundRequest.builder(null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutboundRequest.builder(URI.create("https://x/")).timeoutSeconds(0))
		        .isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutboundRequest.builder(URI.create("https://x/")).header("a", null))
		        .isInstanceOf(IllegalArgumentException.class);
	}

	private static java.util.Map.Entry<String, String> entry(String key, String value) {
		return java.util.Map.entry(key, value);
	}
}
