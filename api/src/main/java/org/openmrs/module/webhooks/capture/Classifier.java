package org.openmrs.module.webhooks.capture;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.collection.spi.PersistentCollection;
import org.openmrs.OpenmrsObject;
import org.openmrs.module.webhooks.outbox.SqlValue;

/**
 * Applies the {@link CaptureTable} to Hibernate's callbacks, recording into a transaction's {@link TxBuffer}.
 * Reads only the callback's {@code state} arrays, uuids of loaded associated entities and ids of lazy proxies:
 * it never initialises a proxy nor runs a query. Stateless apart from the table.
 */
final class Classifier {

	enum Op {
		SAVE, UPDATE, DELETE
	}

	private final CaptureTable table;

	Classifier(CaptureTable table) {
		this.table = table;
	}

	/**
	 * One entity callback. {@code previous} is the state before an update, {@code null} otherwise (or when
	 * Hibernate does not have it).
	 */
	void entity(TxBuffer buffer, Object entity, Serializable id, Object[] state, Object[] previous, String[] names,
	        Op op) {
		ResourceRule rule = table.ruleFor(entity.getClass());
		if (rule == null || state == null) {
			return;
		}
		ResourceRule.PropertyIndexes ix = rule.indexes(names);
		SqlValue patient = null;
		if (rule.resource != null) {
			PendingChange change = buffer.change(rule, uuidOf(entity, state, ix), id);
			if (op == Op.SAVE) {
				change.created = true;
			} else if (op == Op.DELETE) {
				change.deleted = true;
			} else {
				change.updated = true;
			}
			if (ix.voided >= 0) {
				if (change.voidedBefore == null && previous != null) {
					change.voidedBefore = asBoolean(previous[ix.voided]);
				}
				change.voidedAfter = asBoolean(state[ix.voided]);
			}
			if (!change.stateSeen) {
				readState(change, state, ix);
			}
			patient = change.patient;
		}
		if (ix.parent >= 0) {
			rollUp(buffer, rule, state[ix.parent], patient);
		}
	}

	/** A collection of {@code owner} was recreated, updated or removed: a roll-up, never more than updated. */
	void collection(TxBuffer buffer, Object collection) {
		if (!(collection instanceof PersistentCollection)) {
			return;
		}
		PersistentCollection persistent = (PersistentCollection) collection;
		Object owner = persistent.getOwner();
		String role = persistent.getRole();
		if (owner == null || role == null) {
			return;
		}
		ResourceRule rule = table.ruleFor(owner.getClass());
		if (rule == null || rule.resource == null || !rule.collections.contains(role.substring(role.lastIndexOf('.') + 1))) {
			return;
		}
		EntityRef ref = EntityRef.of(owner, table);
		if (ref != null) {
			buffer.change(rule, ref.uuid, ref.id).updated = true;
		}
	}

	private void rollUp(TxBuffer buffer, ResourceRule rule, Object parentValue, SqlValue childPatient) {
		EntityRef parent = EntityRef.of(parentValue, table);
		ResourceRule parentRule = table.resource(rule.parentResource);
		if (parent == null || parentRule == null) {
			return;
		}
		boolean guarded = false;
		if (parent.rule != parentRule) {
			if (parent.exactType || !rule.parentMayBeOtherType || parent.id == null) {
				return; // e.g. the name of a person who is not a patient
			}
			guarded = true; // a Person proxy: a patient or not, the INSERT will tell
		}
		PendingChange change = buffer.change(parentRule, parent.uuid, parent.id);
		change.updated = true;
		if (guarded) {
			change.mayBeOtherType = true;
		} else {
			change.confirmed = true;
		}
		if (change.patient == null && !change.stateSeen && childPatient != null) {
			change.patient = childPatient; // an obs's person is its encounter's patient
		}
	}

	private void readState(PendingChange change, Object[] state, ResourceRule.PropertyIndexes ix) {
		ResourceRule rule = change.rule;
		change.stateSeen = true;
		change.confirmed = true;
		if (rule.selfPatient) {
			change.patient = null; // the resource uuid itself, filled in at commit
		} else if (ix.patient >= 0) {
			change.patient = patientOf(EntityRef.of(state[ix.patient], table));
		}
		List<ResourceRule.Attribute> attributes = rule.attributes;
		if (!attributes.isEmpty()) {
			Map<String, SqlValue> values = new LinkedHashMap<>(attributes.size() * 2);
			for (int i = 0; i < attributes.size(); i++) {
				int at = ix.attributes[i];
				EntityRef ref = at < 0 ? null : EntityRef.of(state[at], table);
				if (ref == null) {
					continue;
				}
				ResourceRule.Attribute attribute = attributes.get(i);
				if (ref.uuid != null) {
					values.put(attribute.key, SqlValue.of(ref.uuid));
				} else if (ref.id != null) {
					values.put(attribute.key, SqlValue.lookup("a.uuid",
					    "FROM " + attribute.table + " a WHERE a." + attribute.idColumn + " = ?", ref.id));
				}
			}
			change.attributes = values;
		}
	}

	/** The patient uuid of a person or patient reference; {@code null} when it is known not to be a patient. */
	private SqlValue patientOf(EntityRef ref) {
		if (ref == null) {
			return null;
		}
		ResourceRule patientRule = table.resource("patient");
		if (ref.rule == patientRule && ref.uuid != null) {
			return SqlValue.of(ref.uuid);
		}
		if (ref.id == null || (ref.exactType && ref.rule != patientRule)) {
			return null;
		}
		// a proxy: the person's uuid if that person is a patient, else NULL
		return SqlValue.lookup("p.uuid", "FROM person p JOIN " + patientRule.subtypeTable + " x ON x."
		        + patientRule.subtypeIdColumn + " = p.person_id WHERE p.person_id = ?", ref.id);
	}

	private static String uuidOf(Object entity, Object[] state, ResourceRule.PropertyIndexes ix) {
		if (ix.uuid >= 0 && state[ix.uuid] instanceof String) {
			return (String) state[ix.uuid];
		}
		return entity instanceof OpenmrsObject ? ((OpenmrsObject) entity).getUuid() : null;
	}

	private static Boolean asBoolean(Object value) {
		return value instanceof Boolean ? (Boolean) value : null;
	}
}
