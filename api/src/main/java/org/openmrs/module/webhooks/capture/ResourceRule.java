package org.openmrs.module.webhooks.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of the {@link CaptureTable}: how changes to one entity class become events. Either a resource of its
 * own (patient, encounter …) or a child that only rolls up into a parent resource as {@code <parent>.updated}
 * (a person name into its patient, an order into its encounter). Property names are Hibernate's, read from the
 * {@code state} arrays of the callbacks; table and column names are OpenMRS's, used only by the sub-selects
 * that resolve what a lazy proxy does not tell without a query. Immutable once built, apart from an index cache.
 */
final class ResourceRule {

	/** An attribute of the event: a uuid of an associated entity, for target filters and payloads. */
	static final class Attribute {

		final String key;

		final String property;

		final String column;

		final String table;

		final String idColumn;

		Attribute(String key, String property, String column, String table, String idColumn) {
			this.key = key;
			this.property = property;
			this.column = column;
			this.table = table;
			this.idColumn = idColumn;
		}
	}

	final String className;

	/** The resource raising events, or {@code null} for a child that only rolls up. */
	final String resource;

	String table;

	String idColumn;

	/** Where this resource's patient is: itself, or a many-to-one property (and its column). */
	boolean selfPatient;

	String patientProperty;

	String patientColumn;

	/** The table that holds only the rows of this resource when its class shares a base table (patient). */
	String subtypeTable;

	String subtypeIdColumn;

	/** Roll-up: a change here is {@code <parentResource>.updated}, the parent found in {@code parentProperty}. */
	String parentProperty;

	String parentResource;

	/** The parent property is typed with a superclass (a Person that may not be a Patient). */
	boolean parentMayBeOtherType;

	boolean hasUpdated = true;

	final List<Attribute> attributes = new ArrayList<>();

	final Set<String> collections = new HashSet<>();

	private volatile PropertyIndexes indexes;

	private ResourceRule(String className, String resource) {
		this.className = className;
		this.resource = resource;
	}

	static ResourceRule resource(String className, String resource, String table, String idColumn) {
		ResourceRule rule = new ResourceRule(className, resource);
		rule.table = table;
		rule.idColumn = idColumn;
		return rule;
	}

	static ResourceRule child(String className, String parentProperty, String parentResource) {
		ResourceRule rule = new ResourceRule(className, null);
		rule.parentProperty = parentProperty;
		rule.parentResource = parentResource;
		return rule;
	}

	ResourceRule selfPatient(String subtypeTable, String subtypeIdColumn) {
		this.selfPatient = true;
		this.subtypeTable = subtypeTable;
		this.subtypeIdColumn = subtypeIdColumn;
		return this;
	}

	ResourceRule patient(String property, String column) {
		this.patientProperty = property;
		this.patientColumn = column;
		return this;
	}

	/** Also rolls up into {@code parentResource.updated} (an obs into its encounter). */
	ResourceRule rollsUpTo(String property, String parentResource) {
		this.parentProperty = property;
		this.parentResource = parentResource;
		return this;
	}

	/** The parent property may hold an entity that is not of the parent resource (a Person, not a Patient). */
	ResourceRule parentMayBeOtherType() {
		this.parentMayBeOtherType = true;
		return this;
	}

	ResourceRule attribute(String key, String property, String column, String table, String idColumn) {
		attributes.add(new Attribute(key, property, column, table, idColumn));
		return this;
	}

	/** Collections of this entity (by property name) whose changes make it {@code updated}. */
	ResourceRule collections(String... properties) {
		collections.addAll(Arrays.asList(properties));
		return this;
	}

	/** This resource has no {@code updated} event type (obs are immutable). */
	ResourceRule noUpdated() {
		this.hasUpdated = false;
		return this;
	}

	List<Attribute> attributes() {
		return Collections.unmodifiableList(attributes);
	}

	/**
	 * Indexes of the properties this rule reads in Hibernate's {@code propertyNames}. A persister passes the
	 * same array every time, so one identity check makes this free after the first call.
	 */
	PropertyIndexes indexes(String[] propertyNames) {
		PropertyIndexes current = indexes;
		if (current == null || current.names != propertyNames) {
			current = new PropertyIndexes(propertyNames, this);
			indexes = current;
		}
		return current;
	}

	/** Positions in the state array; -1 when the entity has no such property. */
	static final class PropertyIndexes {

		final String[] names;

		final int uuid;

		final int voided;

		final int patient;

		final int parent;

		final int[] attributes;

		PropertyIndexes(String[] names, ResourceRule rule) {
			this.names = names;
			this.uuid = indexOf(names, "uuid");
			this.voided = indexOf(names, "voided");
			this.patient = indexOf(names, rule.patientProperty);
			this.parent = indexOf(names, rule.parentProperty);
			this.attributes = new int[rule.attributes.size()];
			for (int i = 0; i < attributes.length; i++) {
				attributes[i] = indexOf(names, rule.attributes.get(i).property);
			}
		}

		private static int indexOf(String[] names, String name) {
			if (name != null) {
				for (int i = 0; i < names.length; i++) {
					if (name.equals(names[i])) {
						return i;
					}
				}
			}
			return -1;
		}
	}
}
