package org.openmrs.module.webhooks.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole-send deadline timer's thread exists only while deadlines run: it ends by itself once idle, and at once
 * when the module stops, although the transport that owns the timer lives on until its context closes.
 */
class DeadlineTimerTest {

	private static final String NAME = "webhooks-http-deadline";

	private final DeadlineTimer timer = new DeadlineTimer();

	@AfterEach
	void close() {
		timer.close();
	}

	@Test
	void stop_shouldEndTheThreadAtOnce_andTheNextDeadlineStartsItAgain() throws Exception {
		DeadlineTimer.Deadline running = timer.start(() -> true, 60_000);
		assertThat(timerThreads()).as("while a deadline runs").isEqualTo(1);

		timer.stop();
		assertThat(timerThreadsAfter(200)).as("right after stop()").isZero();

		CountDownLatch cancelled = new CountDownLatch(1);
		DeadlineTimer.Deadline next = timer.start(() -> {
			cancelled.countDown();
			return true;
		}, 50);
		assertThat(cancelled.await(5, TimeUnit.SECONDS)).as("a deadline after stop() still fires").isTrue();
		assertThat(next.hasPassed()).isTrue();
		assertThat(running.hasPassed()).as("the deadline dropped by stop()").isFalse();
	}

	@Test
	void theThread_shouldEndByItself_onceNoDeadlineRuns() throws Exception {
		DeadlineTimer.Deadline deadline = timer.start(() -> true, 60_000);
		assertThat(timerThreads()).isEqualTo(1);
		Thread.sleep(DeadlineTimer.IDLE_MILLIS + 500);
		assertThat(timerThreads()).as("a deadline still running keeps the thread").isEqualTo(1);

		deadline.stop();
		assertThat(timerThreadsAfter(DeadlineTimer.IDLE_MILLIS + 3_000)).as("idle for longer than IDLE_MILLIS").isZero();
		assertThat(deadline.hasPassed()).isFalse();
	}

	@Test
	void close_shouldRefuseLaterDeadlines() throws Exception {
		timer.start(() -> true, 60_000);
		timer.close();
		assertThat(timerThreadsAfter(200)).isZero();
		assertThatThrownBy(() -> timer.start(() -> true, 1_000)).isInstanceOf(RejectedExecutionException.class);
	}

	/**
	 * The timer's threads once none is left or {@code graceMillis} passed: a thread whose executor has terminated
	 * is still alive for the last instructions of its exit.
	 */
	private static long timerThreadsAfter(long graceMillis) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
		while (timerThreads() > 0 && System.nanoTime() < until) {
			Thread.sleep(10);
		}
		return timerThreads();
	}

	private static long timerThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && NAME.equals(t.getName()))
		        .count();
	}
}
