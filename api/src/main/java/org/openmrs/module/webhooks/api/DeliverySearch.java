package org.openmrs.module.webhooks.api;

import org.openmrs.module.webhooks.model.DeliveryStatus;

/** Criteria for the delivery log; {@code null} fields do not filter. Times are epoch ms, inclusive. */
public class DeliverySearch {

	private String targetUuid;

	private DeliveryStatus status;

	private String eventType;

	private String patientUuid;

	private Long from;

	private Long to;

	private int startIndex;

	private int limit = 50;

	public String getTargetUuid() {
		return targetUuid;
	}

	public DeliverySearch setTargetUuid(String targetUuid) {
		this.targetUuid = targetUuid;
		return this;
	}

	public DeliveryStatus getStatus() {
		return status;
	}

	public DeliverySearch setStatus(DeliveryStatus status) {
		this.status = status;
		return this;
	}

	public String getEventType() {
		return eventType;
	}

	public DeliverySearch setEventType(String eventType) {
		this.eventType = eventType;
		return this;
	}

	public String getPatientUuid() {
		return patientUuid;
	}

	public DeliverySearch setPatientUuid(String patientUuid) {
		this.patientUuid = patientUuid;
		return this;
	}

	public Long getFrom() {
		return from;
	}

	public DeliverySearch setFrom(Long from) {
		this.from = from;
		return this;
	}

	public Long getTo() {
		return to;
	}

	public DeliverySearch setTo(Long to) {
		this.to = to;
		return this;
	}

	public int getStartIndex() {
		return startIndex;
	}

	public DeliverySearch setStartIndex(int startIndex) {
		this.startIndex = startIndex;
		return this;
	}

	public int getLimit() {
		return limit;
	}

	public DeliverySearch setLimit(int limit) {
		this.limit = limit;
		return this;
	}
}
