package org.openmrs.module.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransportResultTest {

	@Test
	void isSuccess_shouldBeTrueFor2xxOnly() {
		assertThat(TransportResult.response(200, 5, null, null).isSuccess()).isTrue();
		assertThat(TransportResult.response(299, 5, null, null).isSuccess()).isTrue();
		assertThat(TransportResult.response(199, 5, null, null).isSuccess()).isFalse();
		assertThat(TransportResult.response(302, 5, null, null).isSuccess()).isFalse();
		assertThat(TransportResult.failure(FailureKind.TIMEOUT, "no response within 15 s", 15_000).isSuccess()).isFalse();
	}

	@Test
	void response_shouldHaveNoFailureAndNoError() {
		// when
		TransportResult result = TransportResult.response(429, 12, "slow down", 7L);

		// then
		assertThat(result.getFailure()).isEqualTo(FailureKind.NONE);
		assertThat(result.getError()).isNull();
		assertThat(result.getRetryAfterSeconds()).isEqualTo(7L);
	}

	@Test
	void failure_shouldHaveNoStatus_andRefuseKindNone() {
		// when
		TransportResult result = TransportResult.failure(FailureKind.CONNECT, "could not connect", 3);

		// then
		assertThat(result.getStatusCode()).isNull();
		assertThat(result.getResponseExcerpt()).isNull();
		assertThatThrownBy(() -> TransportResult.failure(FailureKind.NONE, "x", 1))
		        .isInstanceOf(IllegalArgumentException.class);
	}
}
