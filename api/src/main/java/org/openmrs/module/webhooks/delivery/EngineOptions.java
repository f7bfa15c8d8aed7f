package org.openmrs.module.webhooks.delivery;

/**
 * Tuning of the delivery engine, with defaults for production. Immutable; {@code with…} return a copy.
 */
public final class EngineOptions {

	int claimBatch = 250;

	int fanOutBatch = 500;

	long pollMillis = 1000;

	/** Lease on a claimed delivery beyond its target's timeout: covers waiting in the lane and writing the outcome. */
	long leaseMillis = 60_000;

	/** Claim up to this many rounds of a target's concurrency ahead. */
	int prefetch = 4;

	long retentionEveryMillis = 3_600_000;

	RetryPolicy retry = RetryPolicy.svix();

	CircuitBreaker breaker = CircuitBreaker.defaults();

	/** Overrides the GP worker count when &gt; 0 (tests, benchmarks). */
	int workers;

	/** Forces the optimistic claim even where SKIP LOCKED exists (tests of the MySQL 5.7 path). */
	boolean forceOptimisticClaim;

	private EngineOptions copy() {
		EngineOptions o = new EngineOptions();
		o.claimBatch = claimBatch;
		o.fanOutBatch = fanOutBatch;
		o.pollMillis = pollMillis;
		o.leaseMillis = leaseMillis;
		o.prefetch = prefetch;
		o.retentionEveryMillis = retentionEveryMillis;
		o.retry = retry;
		o.breaker = breaker;
		o.workers = workers;
		o.forceOptimisticClaim = forceOptimisticClaim;
		return o;
	}

	public static EngineOptions defaults() {
		return new EngineOptions();
	}

	public EngineOptions withClaimBatch(int n) {
		EngineOptions o = copy();
		o.claimBatch = n;
		return o;
	}

	public EngineOptions withFanOutBatch(int n) {
		EngineOptions o = copy();
		o.fanOutBatch = n;
		return o;
	}

	public EngineOptions withPollMillis(long millis) {
		EngineOptions o = copy();
		o.pollMillis = millis;
		return o;
	}

	public EngineOptions withLeaseMillis(long millis) {
		EngineOptions o = copy();
		o.leaseMillis = millis;
		return o;
	}

	public EngineOptions withPrefetch(int rounds) {
		EngineOptions o = copy();
		o.prefetch = rounds;
		return o;
	}

	public EngineOptions withRetentionEveryMillis(long millis) {
		EngineOptions o = copy();
		o.retentionEveryMillis = millis;
		return o;
	}

	public EngineOptions withRetryPolicy(RetryPolicy policy) {
		EngineOptions o = copy();
		o.retry = policy;
		return o;
	}

	public EngineOptions withCircuitBreaker(CircuitBreaker b) {
		EngineOptions o = copy();
		o.breaker = b;
		return o;
	}

	public EngineOptions withWorkers(int n) {
		EngineOptions o = copy();
		o.workers = n;
		return o;
	}

	public EngineOptions withOptimisticClaim(boolean force) {
		EngineOptions o = copy();
		o.forceOptimisticClaim = force;
		return o;
	}
}
