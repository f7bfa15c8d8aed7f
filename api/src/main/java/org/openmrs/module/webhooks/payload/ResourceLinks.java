package org.openmrs.module.webhooks.payload;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a receiver reads a resource: its REST and FHIR paths, relative to the OpenMRS context path because the
 * OpenFn OpenMRS adaptor refuses absolute URLs. Adding a resource is one line here.
 */
final class ResourceLinks {

	private static final Map<String, String[]> PATHS = new HashMap<>();

	static {
		// resource -> { REST resource name, FHIR resource type }; FHIR2 maps a visit to an Encounter
		PATHS.put("patient", new String[] { "patient", "Patient" });
		PATHS.put("encounter", new String[] { "encounter", "Encounter" });
		PATHS.put("obs", new String[] { "obs", "Observation" });
		PATHS.put("visit", new String[] { "visit", "Encounter" });
	}

	private ResourceLinks() {
	}

	/** {@code {"rest": …, "fhir": …}} for {@code uuid}, or {@code null} for a resource not in the table. */
	static Map<String, Object> of(String resource, String uuid) {
		String[] paths = PATHS.get(resource);
		if (paths == null || uuid == null) {
			return null;
		}
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("rest", "/ws/rest/v1/" + paths[0] + "/" + uuid);
		links.put("fhir", "/ws/fhir2/R4/" + paths[1] + "/" + uuid);
		return links;
	}
}
