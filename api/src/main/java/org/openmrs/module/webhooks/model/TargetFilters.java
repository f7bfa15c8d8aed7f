package org.openmrs.module.webhooks.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Optional per-resource filters of a target, as uuids. An empty list does not filter. A filter applies only
 * to events that carry the attribute: an encounter type filter narrows encounter (and obs inside encounters)
 * events and leaves patient events alone.
 */
public class TargetFilters {

	private List<String> encounterTypes = new ArrayList<>();

	private List<String> visitTypes = new ArrayList<>();

	private List<String> concepts = new ArrayList<>();

	private List<String> locations = new ArrayList<>();

	private List<String> forms = new ArrayList<>();

	public List<String> getEncounterTypes() {
		return encounterTypes;
	}

	public void setEncounterTypes(List<String> encounterTypes) {
		this.encounterTypes = nonNull(encounterTypes);
	}

	public List<String> getVisitTypes() {
		return visitTypes;
	}

	public void setVisitTypes(List<String> visitTypes) {
		this.visitTypes = nonNull(visitTypes);
	}

	public List<String> getConcepts() {
		return concepts;
	}

	public void setConcepts(List<String> concepts) {
		this.concepts = nonNull(concepts);
	}

	public List<String> getLocations() {
		return locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = nonNull(locations);
	}

	public List<String> getForms() {
		return forms;
	}

	public void setForms(List<String> forms) {
		this.forms = nonNull(forms);
	}

	private static List<String> nonNull(List<String> list) {
		return list == null ? new ArrayList<String>() : list;
	}
}
