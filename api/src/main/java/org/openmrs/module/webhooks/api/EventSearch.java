package org.openmrs.module.webhooks.api;

/** Criteria for events; {@code null} fields do not filter. Times are epoch ms, inclusive. */
public class EventSearch {

	private String type;

	private String resourceUuid;

	private String patientUuid;

	private Long from;

	private Long to;

	private int startIndex;

	private int limit = 50;

	public String getType() {
		return type;
	}

	public EventSearch setType(String type) {
		this.type = type;
		return this;
	}

	public String getResourceUuid() {
		return resourceUuid;
	}

	public EventSearch setResourceUuid(String resourceUuid) {
		this.resourceUuid = resourceUuid;
		return this;
	}

	public String getPatientUuid() {
		return patientUuid;
	}

	public EventSearch setPatientUuid(String patientUuid) {
		this.patientUuid = patientUuid;
		return this;
	}

	public Long getFrom() {
		return from;
	}

	public EventSearch setFrom(Long from) {
		this.from = from;
		return this;
	}

	public Long getTo() {
		return to;
	}

	public EventSearch setTo(Long to) {
		this.to = to;
		return this;
	}

	public int getStartIndex() {
		return startIndex;
	}

	public EventSearch setStartIndex(int startIndex) {
		this.startIndex = startIndex;
		return this;
	}

	public int getLimit() {
		return limit;
	}

	public EventSearch setLimit(int limit) {
		this.limit = limit;
		return this;
	}
}
