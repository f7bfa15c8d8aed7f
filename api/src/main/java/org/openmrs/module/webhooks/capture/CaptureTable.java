package org.openmrs.module.webhooks.capture;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is captured (PRODUCT §2), as a table from OpenMRS entity class names to {@link ResourceRule}s. Classes are
 * matched by name, walking the superclass chain (so a Patient is not mistaken for a plain Person, and a DrugOrder
 * is an Order), which keeps the module free of compile-time references to the domain model.
 *
 * <p>Adding a resource is a few lines in {@link #standard()} plus its event types in {@code EventTypes}.
 * Deliberately absent: {@code Person} (a person who is not a patient raises nothing for now) and
 * {@code ObsReferenceRange} (2.7+: derived from the concept and saved beside its obs, whose own event covers it).
 */
final class CaptureTable {

	private static final ResourceRule NONE = ResourceRule.child("none", null, null);

	private final Map<String, ResourceRule> byClassName = new HashMap<>();

	private final Map<String, ResourceRule> byResource = new HashMap<>();

	private final Map<Class<?>, ResourceRule> byClass = new ConcurrentHashMap<>();

	static CaptureTable standard() {
		CaptureTable t = new CaptureTable();
		t.add(ResourceRule.resource("org.openmrs.Patient", "patient", "person", "person_id")
		        .selfPatient("patient", "patient_id")
		        .collections("names", "addresses", "attributes", "identifiers"));
		t.add(ResourceRule.resource("org.openmrs.Encounter", "encounter", "encounter", "encounter_id")
		        .patient("patient", "patient_id")
		        .attribute("encounterType", "encounterType", "encounter_type", "encounter_type", "encounter_type_id")
		        .attribute("location", "location", "location_id", "location", "location_id")
		        .attribute("form", "form", "form_id", "form", "form_id")
		        .attribute("visit", "visit", "visit_id", "visit", "visit_id")
		        .collections("obs", "orders", "encounterProviders", "diagnoses"));
		t.add(ResourceRule.resource("org.openmrs.Obs", "obs", "obs", "obs_id")
		        .patient("person", "person_id")
		        .rollsUpTo("encounter", "encounter")
		        .noUpdated()
		        .attribute("concept", "concept", "concept_id", "concept", "concept_id")
		        .attribute("encounter", "encounter", "encounter_id", "encounter", "encounter_id")
		        .attribute("location", "location", "location_id", "location", "location_id")
		        .attribute("previousVersion", "previousVersion", "previous_version", "obs", "obs_id"));
		t.add(ResourceRule.resource("org.openmrs.Visit", "visit", "visit", "visit_id")
		        .patient("patient", "patient_id")
		        .attribute("visitType", "visitType", "visit_type_id", "visit_type", "visit_type_id")
		        .attribute("location", "location", "location_id", "location", "location_id"));
		t.add(ResourceRule.child("org.openmrs.PersonName", "person", "patient").parentMayBeOtherType());
		t.add(ResourceRule.child("org.openmrs.PersonAddress", "person", "patient").parentMayBeOtherType());
		t.add(ResourceRule.child("org.openmrs.PersonAttribute", "person", "patient").parentMayBeOtherType());
		t.add(ResourceRule.child("org.openmrs.PatientIdentifier", "patient", "patient"));
		t.add(ResourceRule.child("org.openmrs.Order", "encounter", "encounter"));
		t.add(ResourceRule.child("org.openmrs.Diagnosis", "encounter", "encounter"));
		t.add(ResourceRule.child("org.openmrs.EncounterProvider", "encounter", "encounter"));
		return t;
	}

	void add(ResourceRule rule) {
		byClassName.put(rule.className, rule);
		if (rule.resource != null) {
			byResource.put(rule.resource, rule);
		}
	}

	/** The rule for an entity (or proxy) class, or {@code null} when it is of no interest. One map lookup. */
	ResourceRule ruleFor(Class<?> type) {
		ResourceRule rule = byClass.get(type);
		if (rule == null) {
			rule = NONE;
			for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
				ResourceRule found = byClassName.get(c.getName());
				if (found != null) {
					rule = found;
					break;
				}
			}
			byClass.put(type, rule);
		}
		return rule == NONE ? null : rule;
	}

	/** The rule for a Hibernate entity name (a proxy's), or {@code null}. */
	ResourceRule ruleForEntityName(String entityName) {
		return entityName == null ? null : byClassName.get(entityName);
	}

	/** The rule of a resource, e.g. {@code encounter}; {@code null} when unknown. */
	ResourceRule resource(String resource) {
		return byResource.get(resource);
	}
}
