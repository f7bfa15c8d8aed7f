package org.openmrs.module.webhooks.web.resource;

import java.util.List;

import org.openmrs.module.webhooks.web.Reps;
import org.openmrs.module.webservices.rest.web.representation.Representation;
import org.openmrs.module.webservices.rest.web.resource.impl.DelegatingResourceDescription;

/** The REST module's descriptions of our representations, built from the property lists of the *Json classes. */
final class Descriptions {

	private Descriptions() {
	}

	/** With the self link, and from the default representation a link to the full one, as core's resources have. */
	static DelegatingResourceDescription of(Representation rep, List<String> ref, List<String> def, List<String> full) {
		String name = Reps.nameOf(rep);
		if (name == null) {
			return null;
		}
		List<String> properties = Reps.REF.equals(name) ? ref : Reps.FULL.equals(name) ? full : def;
		DelegatingResourceDescription description = of(properties);
		description.addSelfLink();
		if (Reps.DEFAULT.equals(name)) {
			description.addLink("full", ".?v=" + Reps.FULL);
		}
		return description;
	}

	static DelegatingResourceDescription of(List<String> properties) {
		DelegatingResourceDescription description = new DelegatingResourceDescription();
		for (String property : properties) {
			description.addProperty(property);
		}
		return description;
	}
}
