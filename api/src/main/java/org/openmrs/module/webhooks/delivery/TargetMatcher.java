package org.openmrs.module.webhooks.delivery;

import java.util.List;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetFilters;

/**
 * Whether a target takes an event, and under which ordering key. A filter list that is empty does not filter;
 * a filter applies only to events that carry its attribute (an encounter-type filter leaves patient events
 * alone).
 */
public final class TargetMatcher {

	private TargetMatcher() {
	}

	public static boolean matches(Target target, Event event) {
		if (!target.subscribesTo(event.getType())) {
			return false;
		}
		TargetFilters f = target.getFilters();
		return passes(f.getEncounterTypes(), event.getAttribute("encounterType"))
		        && passes(f.getVisitTypes(), event.getAttribute("visitType"))
		        && passes(f.getConcepts(), event.getAttribute("concept"))
		        && passes(f.getLocations(), event.getAttribute("location"))
		        && passes(f.getForms(), event.getAttribute("form"));
	}

	/** The patient uuid for a per-patient target, {@code null} when the target is unordered or there is no patient. */
	public static String orderingKey(Target target, Event event) {
		return Target.ORDERING_NONE.equals(target.getOrdering()) ? null : event.getPatientUuid();
	}

	private static boolean passes(List<String> allowed, String value) {
		return allowed == null || allowed.isEmpty() || value == null || allowed.contains(value);
	}
}
