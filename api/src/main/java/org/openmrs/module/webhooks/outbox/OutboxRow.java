package org.openmrs.module.webhooks.outbox;

import java.util.Collections;
import java.util.Map;

/**
 * One event about to be inserted into {@code webhooks_event}. Values that the save path could not know without
 * an extra query are {@link SqlValue#lookup lookups} that the same INSERT resolves.
 */
public final class OutboxRow {

	private final String eventUuid;

	private final String type;

	private final String resource;

	private final SqlValue resourceUuid;

	private final SqlValue patientUuid;

	private final long occurredAt;

	private final Map<String, SqlValue> attributes;

	private final Object patientGuard;

	/**
	 * @param patientUuid {@code null} when the event belongs to no patient
	 * @param attributes uuids by attribute name, never {@code null}; insertion order is kept in the JSON
	 * @param patientGuard when not {@code null}, the row is written only if {@code patient.patient_id} has this
	 *            value (a change to a person who may not be a patient, seen only through a lazy proxy)
	 */
	public OutboxRow(String eventUuid, String type, String resource, SqlValue resourceUuid, SqlValue patientUuid,
	    long occurredAt, Map<String, SqlValue> attributes, Object patientGuard) {
		this.eventUuid = eventUuid;
		this.type = type;
		this.resource = resource;
		this.resourceUuid = resourceUuid;
		this.patientUuid = patientUuid;
		this.occurredAt = occurredAt;
		this.attributes = attributes == null ? Collections.<String, SqlValue> emptyMap() : attributes;
		this.patientGuard = patientGuard;
	}

	public String getEventUuid() {
		return eventUuid;
	}

	public String getType() {
		return type;
	}

	public String getResource() {
		return resource;
	}

	public SqlValue getResourceUuid() {
		return resourceUuid;
	}

	/** May be {@code null}. */
	public SqlValue getPatientUuid() {
		return patientUuid;
	}

	public long getOccurredAt() {
		return occurredAt;
	}

	public Map<String, SqlValue> getAttributes() {
		return attributes;
	}

	/** May be {@code null}. */
	public Object getPatientGuard() {
		return patientGuard;
	}

	@Override
	public String toString() {
		// no uuids: rows are logged on failures
		return "OutboxRow[" + type + "]";
	}
}
