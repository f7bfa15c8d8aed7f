package org.openmrs.module.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.delivery.store.DatabaseCapabilities;

/** The retry policy and other small values, without a database. */
class RetryPolicyTest {

	private static Random fixed(double value) {
		return new Random() {

			private static final long serialVersionUID = 1L;

			@Override
			public double nextDouble() {
				return value;
			}
		};
	}

	private static TransportResult status(int code) {
		return TransportResult.response(code, 1, null, null);
	}

	@Test
	void nextDelay_shouldFollowTheSvixScheduleWithinTwentyPercent() {
		RetryPolicy p = RetryPolicy.svix();
		assertThat(p.nextDelayMillis(1, null, fixed(0.5))).isEqualTo(5_000);
		assertThat(p.nextDelayMillis(1, null, fixed(0.0))).isEqualTo(4_000);
		assertThat(p.nextDelayMillis(1, null, fixed(1.0))).isEqualTo(6_000);
		assertThat(p.nextDelayMillis(2, null, fixed(0.5))).isEqualTo(300_000);
		assertThat(p.nextDelayMillis(7, null, fixed(0.5))).isEqualTo(36_000_000);
		assertThat(p.nextDelayMillis(20, null, fixed(0.5))).isEqualTo(36_000_000);
	}

	@Test
	void nextDelay_shouldClampRetryAfterBetweenTheScheduleAndTwiceIt() {
		RetryPolicy p = RetryPolicy.svix();
		assertThat(p.nextDelayMillis(1, 1L, fixed(0.5))).isEqualTo(5_000);
		assertThat(p.nextDelayMillis(1, 7L, fixed(0.5))).isEqualTo(7_000);
		assertThat(p.nextDelayMillis(1, 3600L, fixed(0.5))).isEqualTo(10_000);
	}

	@Test
	void classify_shouldRetryOverloadAndNetworkErrorsAndFailTheRest() {
		RetryPolicy p = RetryPolicy.svix();
		assertThat(p.classify(status(204))).isEqualTo(RetryPolicy.Verdict.DELIVERED);
		assertThat(p.classify(status(410))).isEqualTo(RetryPolicy.Verdict.GONE);
		for (int code : new int[] { 408, 429, 500, 502, 503, 504 }) {
			assertThat(p.classify(status(code))).as("" + code).isEqualTo(RetryPolicy.Verdict.RETRY);
		}
		for (int code : new int[] { 301, 302, 400, 401, 403, 404, 413, 422 }) {
			assertThat(p.classify(status(code))).as("" + code).isEqualTo(RetryPolicy.Verdict.FAIL);
		}
		assertThat(p.withClientErrorsRetried(true).classify(status(404))).isEqualTo(RetryPolicy.Verdict.RETRY);
		for (FailureKind k : new FailureKind[] { FailureKind.TIMEOUT, FailureKind.CONNECT, FailureKind.IO }) {
			assertThat(p.classify(TransportResult.failure(k, "x", 1))).isEqualTo(RetryPolicy.Verdict.RETRY);
		}
		for (FailureKind k : new FailureKind[] { FailureKind.TLS, FailureKind.EGRESS_REFUSED, FailureKind.INVALID_URL }) {
			assertThat(p.classify(TransportResult.failure(k, "x", 1))).isEqualTo(RetryPolicy.Verdict.FAIL);
		}
	}

	@Test
	void circuitBreaker_shouldDoubleThePauseUpToItsMaximum() {
		CircuitBreaker b = new CircuitBreaker(5, 30_000, 3_600_000, 1);
		// a burst of failures within a second: the shortest pause, however many requests failed
		assertThat(b.pauseMillis(800)).isEqualTo(30_000);
		// the pause grows with the outage, so it roughly doubles with every failed probe
		assertThat(b.pauseMillis(30_000 + 200)).isEqualTo(30_200);
		assertThat(b.pauseMillis(10 * 60_000)).isEqualTo(600_000);
		assertThat(b.pauseMillis(5 * 3_600_000L)).isEqualTo(3_600_000);
	}

	@Test
	void capabilities_shouldKnowWhichServersHaveSkipLocked() throws Exception {
		java.lang.reflect.Method m = DatabaseCapabilities.class.getDeclaredMethod("mysqlHasSkipLocked", String.class,
		    String.class);
		m.setAccessible(true);
		assertThat(m.invoke(null, "MariaDB", "10.11.19-MariaDB-0+deb12u1")).isEqualTo(true);
		assertThat(m.invoke(null, "MariaDB", "10.5.20-MariaDB")).isEqualTo(false);
		assertThat(m.invoke(null, "MySQL", "5.5.5-10.6.1-MariaDB")).isEqualTo(true);
		assertThat(m.invoke(null, "MySQL", "8.0.36")).isEqualTo(true);
		assertThat(m.invoke(null, "MySQL", "5.7.44")).isEqualTo(false);
	}
}
