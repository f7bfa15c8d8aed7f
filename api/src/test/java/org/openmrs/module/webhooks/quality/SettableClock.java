package org.openmrs.module.webhooks.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand: hours of retry schedule pass in seconds. */
final class SettableClock extends Clock {

	private final AtomicLong millis;

	SettableClock(long startMillis) {
		this.millis = new AtomicLong(startMillis);
	}

	void set(long epochMillis) {
		millis.set(epochMillis);
	}

	@Override
	public long millis() {
		return millis.get();
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
