package org.openmrs.module.webhooks.delivery;

import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.delivery.store.ClaimedDelivery;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.Target;

/**
 * One request for one or more claimed deliveries of a target: build, send (no transaction open), decide each
 * delivery's outcome and hand it to the writer. A batch succeeds or fails as a whole.
 */
final class Sender {

	private final EngineParts parts;

	private final OutcomeWriter writer;

	Sender(EngineParts parts, OutcomeWriter writer) {
		this.parts = parts;
		this.writer = writer;
	}

	void send(Target target, List<ClaimedDelivery> deliveries) {
		long startedAt = parts.clock.millis();
		List<Event> events = new ArrayList<>(deliveries.size());
		for (ClaimedDelivery d : deliveries) {
			events.add(d.getEvent());
		}
		TransportResult result = send(parts.requests, parts.transport, target, events, startedAt);
		long now = parts.clock.millis();
		for (ClaimedDelivery d : deliveries) {
			writer.add(parts.decider.decide(d, target, result, startedAt, now));
		}
	}

	/** Builds and sends; a request that cannot be built becomes a failed result, never an exception. */
	static TransportResult send(RequestFactory requests, Transport transport, Target target, List<Event> events,
	    long now) {
		OutboundRequest request;
		try {
			request = requests.build(target, events, now);
		}
		catch (IllegalArgumentException e) {
			return TransportResult.failure(FailureKind.INVALID_URL, "invalid URL", 0);
		}
		catch (RuntimeException e) {
			// payload building failed (e.g. a representation); retried like a network error
			return TransportResult.failure(FailureKind.IO, "building the payload failed: " + e.getClass().getSimpleName(),
			    0);
		}
		return transport.send(request);
	}
}
