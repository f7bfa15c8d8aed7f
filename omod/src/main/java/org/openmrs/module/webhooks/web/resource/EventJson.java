package org.openmrs.module.webhooks.web.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.web.Iso;
import org.openmrs.module.webhooks.web.Reps;

/** The JSON of a captured event; ids only (uuids), never patient data. {@code full} adds its attributes. */
final class EventJson {

	static final List<String> REF = list("uuid", "display");

	static final List<String> DEFAULT = list("uuid", "display", "type", "resource", "action", "resourceUuid",
	    "patientUuid", "occurredAt");

	static final List<String> FULL;

	static {
		List<String> full = new ArrayList<String>(DEFAULT);
		full.add("attributes");
		FULL = Collections.unmodifiableList(full);
	}

	private EventJson() {
	}

	static List<String> properties(String representation) {
		if (Reps.REF.equals(representation)) {
			return REF;
		}
		return Reps.FULL.equals(representation) ? FULL : DEFAULT;
	}

	static Map<String, Object> represent(Event event, String representation) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		for (String property : properties(representation)) {
			json.put(property, get(event, property));
		}
		return json;
	}

	/** @throws IllegalArgumentException for a property the resource does not have */
	static Object get(Event e, String property) {
		switch (property) {
			case "uuid":
				return e.getUuid();
			case "display":
				return e.getType() + " " + e.getResourceUuid();
			case "type":
				return e.getType();
			case "resource":
				return e.getResource();
			case "action":
				return e.getAction();
			case "resourceUuid":
				return e.getResourceUuid();
			case "patientUuid":
				return e.getPatientUuid();
			case "occurredAt":
				return Iso.format(e.getOccurredAt());
			case "attributes":
				return new LinkedHashMap<String, Object>(e.getAttributes());
			default:
				throw new IllegalArgumentException("webhookevent has no property " + property);
		}
	}

	private static List<String> list(String... names) {
		return Collections.unmodifiableList(Arrays.asList(names));
	}
}
