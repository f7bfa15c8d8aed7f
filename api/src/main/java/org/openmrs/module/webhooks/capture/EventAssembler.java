package org.openmrs.module.webhooks.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openmrs.module.webhooks.outbox.OutboxRow;
import org.openmrs.module.webhooks.outbox.SqlValue;

/**
 * Turns a committing transaction's buffer into outbox rows: one per resource (see {@link PendingChange#action()})
 * plus one {@code patient.merged} per merged-away patient. What the save path could not know without a query (a
 * uuid behind a lazy proxy, the patient or attributes of a resource seen only through a roll-up) becomes a
 * sub-select of the same INSERT, keyed by the id, or the uuid, the save path had.
 */
final class EventAssembler {

	private final CaptureTable table;

	EventAssembler(CaptureTable table) {
		this.table = table;
	}

	List<OutboxRow> rows(TxBuffer buffer, long now) {
		List<OutboxRow> rows = new ArrayList<>();
		for (PendingChange change : buffer.changes()) {
			String action = change.action();
			if (action == null || (change.uuid == null && change.id == null)) {
				continue;
			}
			ResourceRule rule = change.rule;
			SqlValue resourceUuid = change.uuid != null ? SqlValue.of(change.uuid)
			        : SqlValue.lookup("t.uuid", "FROM " + rule.table + " t WHERE t." + rule.idColumn + " = ?", change.id);
			SqlValue patient = rule.selfPatient ? resourceUuid : change.stateSeen ? change.patient : patientLookup(change);
			Map<String, SqlValue> attributes = change.stateSeen ? change.attributes : attributeLookups(change);
			rows.add(new OutboxRow(UUID.randomUUID().toString(), rule.resource + "." + action, rule.resource,
			        resourceUuid, patient, now, attributes, change.guarded() ? change.id : null));
		}
		for (MergeNote merge : buffer.merges()) {
			for (String nonPreferred : merge.nonPreferred) {
				Map<String, SqlValue> attributes = new LinkedHashMap<>(4);
				attributes.put("preferredPatient", SqlValue.of(merge.preferred));
				attributes.put("nonPreferredPatient", SqlValue.of(nonPreferred));
				SqlValue preferred = SqlValue.of(merge.preferred);
				rows.add(new OutboxRow(UUID.randomUUID().toString(), "patient.merged", "patient", preferred, preferred,
				        now, attributes, null));
			}
		}
		return rows;
	}

	/** The patient of a resource seen only through a roll-up, from its own row. */
	private SqlValue patientLookup(PendingChange change) {
		if (change.patient != null) {
			return change.patient;
		}
		ResourceRule rule = change.rule;
		if (rule.patientColumn == null) {
			return null;
		}
		ResourceRule patientRule = table.resource("patient");
		return SqlValue.lookup("p.uuid", "FROM person p JOIN " + patientRule.subtypeTable + " x ON x."
		        + patientRule.subtypeIdColumn + " = p.person_id JOIN " + rule.table + " r ON r." + rule.patientColumn
		        + " = p.person_id WHERE " + where(change), key(change));
	}

	/** The attributes of a resource seen only through a roll-up, from its own row. */
	private Map<String, SqlValue> attributeLookups(PendingChange change) {
		ResourceRule rule = change.rule;
		if (rule.attributes.isEmpty()) {
			return Collections.emptyMap();
		}
		Map<String, SqlValue> values = new LinkedHashMap<>(rule.attributes.size() * 2);
		for (ResourceRule.Attribute a : rule.attributes) {
			values.put(a.key, SqlValue.lookup("a.uuid", "FROM " + a.table + " a JOIN " + rule.table + " r ON r." + a.column
			        + " = a." + a.idColumn + " WHERE " + where(change), key(change)));
		}
		return values;
	}

	private static String where(PendingChange change) {
		return change.id != null ? "r." + change.rule.idColumn + " = ?" : "r.uuid = ?";
	}

	private static Object key(PendingChange change) {
		return change.id != null ? change.id : change.uuid;
	}
}
