package org.openmrs.module.webhooks.delivery;

import java.util.List;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.payload.PayloadBuilder;

/**
 * The engine's request bodies from the payload package: the PRODUCT §3 envelope, with the target's
 * representation when it asks for one. A batch takes its first event's uuid (prefixed {@code batch_}) as id,
 * the same value {@link RequestFactory} sends as {@code webhook-id}, and its first event's time.
 */
public final class EnvelopePayloads implements PayloadFactory {

	private final PayloadBuilder builder;

	public EnvelopePayloads(PayloadBuilder builder) {
		this.builder = builder;
	}

	@Override
	public byte[] payload(Event event, Target target) {
		return builder.build(event, target.getRepresentation());
	}

	@Override
	public byte[] batch(List<Event> events, Target target) {
		Event first = events.get(0);
		return builder.buildBatch(RequestFactory.batchId(events), first.getOccurredAt(), events,
		    target.getRepresentation());
	}
}
