package org.openmrs.module.webhooks.delivery;

import java.time.Clock;
import java.util.Random;

import org.openmrs.module.webhooks.outbox.ConnectionSource;

/** What every part of a running engine shares; one object instead of nine constructor parameters each. */
final class EngineParts {

	final ConnectionSource source;

	final TargetRegistry registry;

	final Transport transport;

	final RequestFactory requests;

	final WebhooksSettings settings;

	final WakeUp wakeUp;

	final Clock clock;

	final OutcomeDecider decider;

	final EngineOptions options;

	EngineParts(ConnectionSource source, TargetRegistry registry, Transport transport, RequestFactory requests,
	    WebhooksSettings settings, WakeUp wakeUp, Clock clock, Random random, EngineOptions options) {
		this.source = source;
		this.registry = registry;
		this.transport = transport;
		this.requests = requests;
		this.settings = settings;
		this.wakeUp = wakeUp;
		this.clock = clock;
		this.decider = new OutcomeDecider(options.retry, random);
		this.options = options;
	}
}
