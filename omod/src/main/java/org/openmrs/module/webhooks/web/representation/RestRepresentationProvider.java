package org.openmrs.module.webhooks.web.representation;

import org.openmrs.module.webhooks.payload.RepresentationProvider;
import org.openmrs.module.webhooks.web.Reps;
import org.springframework.stereotype.Component;

/**
 * {@code data.representation} of a payload: the changed resource as {@code GET /ws/rest/v1/<resource>/<uuid>
 * ?v=<representation>} shows it, built by the REST module's own converters.
 *
 * <p>Built when the payload is built: on a delivery worker thread, at delivery time (the receiver gets the
 * resource as it is then), outside any transaction of ours. The read runs in an OpenMRS session of a module
 * thread, never in the user context of a thread the module does not own, and holds read-only proxy privileges
 * for the lookup and the conversion only (see {@link ContextReadSession}).
 *
 * <p>A Spring bean (core scans {@code org.openmrs} into its application context), so the delivery engine can
 * find it with {@code Context.getRegisteredComponents(RepresentationProvider.class)}; the api never imports the
 * REST module.
 */
@Component("webhooks.restRepresentationProvider")
public class RestRepresentationProvider implements RepresentationProvider {

	private final Resources resources;

	private final ReadSession session;

	public RestRepresentationProvider() {
		this(new CoreResources(), new ContextReadSession());
	}

	RestRepresentationProvider(Resources resources, ReadSession session) {
		this.resources = resources;
		this.session = session;
	}

	/**
	 * @throws IllegalArgumentException for a resource or representation it does not know (a bug upstream: the
	 *             capture only raises patient, encounter, obs and visit events, the target only takes ref,
	 *             default and full)
	 */
	@Override
	public Object represent(final String resource, final String uuid, final String representation) {
		Reps.byName(representation);
		if (!resources.knows(resource)) {
			throw new IllegalArgumentException("no REST representation for resource " + resource);
		}
		return session.read(() -> {
			Object entity = resources.find(resource, uuid);
			return entity == null ? null : JsonTree.of(resources.represent(entity, representation));
		});
	}
}
