package org.openmrs.module.webhooks.delivery;

import java.util.Random;

import org.openmrs.module.webhooks.delivery.store.ClaimedDelivery;
import org.openmrs.module.webhooks.delivery.store.DeliveryOutcome;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.model.Target;

/** Turns a transport result into a delivery's next state, following the {@link RetryPolicy}. Thread-safe. */
final class OutcomeDecider {

	private final RetryPolicy policy;

	private final Random random;

	OutcomeDecider(RetryPolicy policy, Random random) {
		this.policy = policy;
		this.random = random;
	}

	RetryPolicy.Verdict verdict(TransportResult result) {
		return policy.classify(result);
	}

	DeliveryOutcome decide(ClaimedDelivery d, Target target, TransportResult result, long startedAt, long now) {
		RetryPolicy.Verdict verdict = policy.classify(result);
		int made = d.getAttempts() + 1;
		int max = target.getMaxAttempts() > 0 ? target.getMaxAttempts() : policy.maxAttempts();
		DeliveryStatus status;
		long next = 0;
		switch (verdict) {
			case DELIVERED:
				status = DeliveryStatus.DELIVERED;
				break;
			case RETRY:
				if (d.isManualRetry() || made >= max) {
					// a manual retry is a single attempt: it goes back to DEAD rather than restart the schedule
					status = DeliveryStatus.DEAD;
				}
				else {
					status = DeliveryStatus.PENDING;
					next = now + policy.nextDelayMillis(made, result.getRetryAfterSeconds(), random);
				}
				break;
			default:
				status = DeliveryStatus.FAILED;
		}
		return new DeliveryOutcome(d.getDeliveryId(), d.getTargetId(), d.getLeaseOwner(), status, next,
		        result.getStatusCode(), describe(result), startedAt, result.getDurationMillis(),
		        result.getResponseExcerpt(), d.isManualRetry());
	}

	/** A short failure description for the log and the target's health; never a header or body. */
	static String describe(TransportResult result) {
		if (result.isSuccess()) {
			return null;
		}
		if (result.getFailure() == FailureKind.NONE) {
			return "HTTP " + result.getStatusCode();
		}
		return result.getFailure().name() + (result.getError() == null ? "" : ": " + result.getError());
	}
}
