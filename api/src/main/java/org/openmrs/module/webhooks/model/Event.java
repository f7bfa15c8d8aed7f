package org.openmrs.module.webhooks.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One committed change, as written to the outbox table {@code webhooks_event} in the same transaction as the
 * change itself. Immutable once written.
 *
 * <p>{@code attributes} carry what target filters and payloads need beyond the ids, captured at commit time
 * (keys such as {@code encounterType}, {@code visitType}, {@code concept}, {@code location}, {@code form},
 * {@code encounter}, {@code visit}, {@code previousVersion}, and for {@code patient.merged}
 * {@code preferredPatient} / {@code nonPreferredPatient}); all values are uuids, never patient data.
 */
public final class Event {

	private final long id;

	private final String uuid;

	private final String type;

	private final String resource;

	private final String resourceUuid;

	private final String patientUuid;

	private final long occurredAt;

	private final Map<String, String> attributes;

	/**
	 * @param id the outbox sequence number (monotonic in insert order), 0 before the row is written
	 * @param uuid the event id, sent as {@code webhook-id} and {@code id}
	 * @param type e.g. {@code encounter.created}
	 * @param resource e.g. {@code encounter}
	 * @param resourceUuid the changed resource's uuid
	 * @param patientUuid the patient the change belongs to, or {@code null} when there is none
	 * @param occurredAt commit time, epoch milliseconds
	 * @param attributes may be {@code null} (no attributes)
	 */
	public Event(long id, String uuid, String type, String resource, String resourceUuid, String patientUuid,
	    long occurredAt, Map<String, String> attributes) {
		this.id = id;
		this.uuid = uuid;
		this.type = type;
		this.resource = resource;
		this.resourceUuid = resourceUuid;
		this.patientUuid = patientUuid;
		this.occurredAt = occurredAt;
		this.attributes = attributes == null ? Collections.<String, String> emptyMap()
		        : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

	public long getId() {
		return id;
	}

	public String getUuid() {
		return uuid;
	}

	public String getType() {
		return type;
	}

	public String getResource() {
		return resource;
	}

	/** The action part of the type: {@code created}, {@code updated}, {@code voided} … */
	public String getAction() {
		return type.substring(type.indexOf('.') + 1);
	}

	public String getResourceUuid() {
		return resourceUuid;
	}

	/** May be {@code null}. */
	public String getPatientUuid() {
		return patientUuid;
	}

	public long getOccurredAt() {
		return occurredAt;
	}

	/** Never {@code null}; unmodifiable. */
	public Map<String, String> getAttributes() {
		return attributes;
	}

	/** The attribute {@code key}, or {@code null}. */
	public String getAttribute(String key) {
		return attributes.get(key);
	}

	@Override
	public String toString() {
		// ids only: never patient data in logs
		return "Event[" + id + " " + uuid + " " + type + "]";
	}
}
