package org.openmrs.module.webhooks.delivery.http;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's policy supplier, made to fail closed: if it throws (say, a global property that no longer
 * parses), the answer is "no policy", which refuses every send and connection, instead of an exception
 * escaping into a worker or, worse, into HttpClient's connect path.
 */
final class FailClosedPolicy implements Supplier<EgressPolicy> {

	private static final Logger log = LoggerFactory.getLogger(FailClosedPolicy.class);

	private final Supplier<EgressPolicy> delegate;

	/** What was last logged: the supplier is asked on every send, and one broken property must not flood the log. */
	private volatile String lastWarning;

	FailClosedPolicy(Supplier<EgressPolicy> delegate) {
		this.delegate = delegate;
	}

	/** The current policy, or {@code null} when there is none or it could not be read. */
	@Override
	public EgressPolicy get() {
		try {
			return delegate.get();
		}
		catch (RuntimeException e) {
			String warning = String.valueOf(e.getMessage());
			if (!warning.equals(lastWarning)) {
				lastWarning = warning;
				log.warn("Egress policy unavailable, refusing all webhook sends: {}", warning);
			}
			return null;
		}
	}
}
