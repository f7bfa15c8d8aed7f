package org.openmrs.module.webhooks.web.representation;

import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.web.Reps;
import org.openmrs.module.webservices.rest.web.ConversionUtil;

/**
 * The four resources the module captures, looked up through core's services (voided ones included, as
 * {@code GET /ws/rest/v1/<resource>/<uuid>} finds them) and converted by the REST module's registered resource
 * for their class, exactly as a GET of that uuid would.
 */
final class CoreResources implements Resources {

	@Override
	public boolean knows(String resource) {
		return "patient".equals(resource) || "encounter".equals(resource) || "obs".equals(resource)
		        || "visit".equals(resource);
	}

	@Override
	public Object find(String resource, String uuid) {
		if ("patient".equals(resource)) {
			return Context.getPatientService().getPatientByUuid(uuid);
		}
		if ("encounter".equals(resource)) {
			return Context.getEncounterService().getEncounterByUuid(uuid);
		}
		if ("obs".equals(resource)) {
			return Context.getObsService().getObsByUuid(uuid);
		}
		if ("visit".equals(resource)) {
			return Context.getVisitService().getVisitByUuid(uuid);
		}
		throw new IllegalArgumentException("no REST representation for resource " + resource);
	}

	@Override
	public Object represent(Object entity, String representation) {
		return ConversionUtil.convertToRepresentation(entity, Reps.byName(representation));
	}
}
