package org.openmrs.module.webhooks.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class OutboxSignalTest {

	@Test
	void await_shouldReturnAtOnceForASignalRaisedBeforeWaiting() throws Exception {
		OutboxSignal signal = new OutboxSignal();
		long seen = signal.generation();
		signal.signal();

		long start = System.nanoTime();
		assertThat(signal.await(seen, 5_000)).isEqualTo(seen + 1);
		assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
	}

	@Test
	void await_shouldWakeAWaiterAndTimeOutWithoutSignal() throws Exception {
		OutboxSignal signal = new OutboxSignal();
		assertThat(signal.await(0, 20)).isZero();

		CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
			try {
				return signal.await(0, 10_000);
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});
		Thread.sleep(50);
		signal.signal();

		assertThat(waiter.get(2, TimeUnit.SECONDS)).isEqualTo(1);
	}
}
