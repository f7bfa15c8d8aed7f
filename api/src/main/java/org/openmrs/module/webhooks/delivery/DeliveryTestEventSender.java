package org.openmrs.module.webhooks.delivery;

import java.time.Clock;
import java.util.Collections;
import java.util.UUID;

import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.EventTypes;
import org.openmrs.module.webhooks.model.Target;

/**
 * "Send test event": a {@code webhooks.test} event built, signed and sent exactly like a delivery (same request
 * factory, same transport and egress rules), synchronously, recorded nowhere. Call outside any transaction.
 */
public final class DeliveryTestEventSender implements TestEventSender {

	private final RequestFactory requests;

	private final Transport transport;

	private final Clock clock;

	public DeliveryTestEventSender(RequestFactory requests, Transport transport, Clock clock) {
		this.requests = requests;
		this.transport = transport;
		this.clock = clock;
	}

	@Override
	public TestResult send(Target target) {
		long now = clock.millis();
		String id = UUID.randomUUID().toString();
		Event test = new Event(0, id, EventTypes.TEST, "webhooks", id, null, now, null);
		TransportResult r = Sender.send(requests, transport, target, Collections.singletonList(test), now);
		return new TestResult(r.isSuccess(), r.getStatusCode(), r.getDurationMillis(), OutcomeDecider.describe(r),
		        r.getResponseExcerpt());
	}
}
