package org.openmrs.module.webhooks.delivery;

import java.util.List;

import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.payload.RepresentationProvider;

/**
 * Finds the omod's {@link RepresentationProvider} (a Spring component built over the REST module) when a target
 * first asks for a representation, rather than by injection: the api's beans must build without the omod's.
 * Without one, a target that asks for a representation gets a retryable failure naming the cause.
 */
public final class ContextRepresentations implements RepresentationProvider {

	private volatile RepresentationProvider found;

	@Override
	public Object represent(String resource, String uuid, String representation) {
		RepresentationProvider provider = found;
		if (provider == null) {
			provider = lookUp();
			found = provider;
		}
		return provider.represent(resource, uuid, representation);
	}

	private RepresentationProvider lookUp() {
		List<RepresentationProvider> providers = Context.getRegisteredComponents(RepresentationProvider.class);
		for (RepresentationProvider p : providers) {
			if (p != this && !(p instanceof ContextRepresentations)) {
				return p;
			}
		}
		throw new IllegalStateException("no REST representation provider is registered (is the webhooks omod started?)");
	}
}
