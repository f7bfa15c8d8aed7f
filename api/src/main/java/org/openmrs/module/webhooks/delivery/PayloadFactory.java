package org.openmrs.module.webhooks.delivery;

import java.util.List;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.Target;

/**
 * Builds the request bodies (PRODUCT §3); implemented over the payload package. Called outside any database
 * transaction, by several worker threads at once.
 */
public interface PayloadFactory {

	/** The envelope of one event for {@code target}, as UTF-8 JSON bytes. */
	byte[] payload(Event event, Target target);

	/** {@code {"type":"batch","events":[...]}} of the events, in the given order. */
	byte[] batch(List<Event> events, Target target);
}
