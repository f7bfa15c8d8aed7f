package org.openmrs.module.webhooks.model;

import java.util.ArrayList;
import java.util.List;

/** One event to one target ({@code webhooks_delivery}), with its attempts when read one at a time. Times are epoch ms. */
public class Delivery {

	private Long id;

	private String uuid;

	private long eventId;

	private String eventUuid;

	private String eventType;

	private String patientUuid;

	private String targetUuid;

	private String targetName;

	private DeliveryStatus status;

	private int attempts;

	private long nextAttemptAt;

	private Integer lastStatusCode;

	private String lastError;

	private long createdAt;

	private long completedAt;

	private List<Attempt> attemptLog = new ArrayList<>();

	public Long getId() {
		return id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getUuid() {
		return uuid;
	}

	public void setUuid(String uuid) {
		this.uuid = uuid;
	}

	public long getEventId() {
		return eventId;
	}

	public void setEventId(long eventId) {
		this.eventId = eventId;
	}

	public String getEventUuid() {
		return eventUuid;
	}

	public void setEventUuid(String eventUuid) {
		this.eventUuid = eventUuid;
	}

	public String getEventType() {
		return eventType;
	}

	public void setEventType(String eventType) {
		this.eventType = eventType;
	}

	public String getPatientUuid() {
		return patientUuid;
	}

	public void setPatientUuid(String patientUuid) {
		this.patientUuid = patientUuid;
	}

	public String getTargetUuid() {
		return targetUuid;
	}

	public void setTargetUuid(String targetUuid) {
		this.targetUuid = targetUuid;
	}

	public String getTargetName() {
		return targetName;
	}

	public void setTargetName(String targetName) {
		this.targetName = targetName;
	}

	public DeliveryStatus getStatus() {
		return status;
	}

	public void setStatus(DeliveryStatus status) {
		this.status = status;
	}

	public int getAttempts() {
		return attempts;
	}

	public void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	public long getNextAttemptAt() {
		return nextAttemptAt;
	}

	public void setNextAttemptAt(long nextAttemptAt) {
		this.nextAttemptAt = nextAttemptAt;
	}

	public Integer getLastStatusCode() {
		return lastStatusCode;
	}

	public void setLastStatusCode(Integer lastStatusCode) {
		this.lastStatusCode = lastStatusCode;
	}

	public String getLastError() {
		return lastError;
	}

	public void setLastError(String lastError) {
		this.lastError = lastError;
	}

	public long getCreatedAt() {
		return createdAt;
	}

	public void setCreatedAt(long createdAt) {
		this.createdAt = createdAt;
	}

	public long getCompletedAt() {
		return completedAt;
	}

	public void setCompletedAt(long completedAt) {
		this.completedAt = completedAt;
	}

	/** The attempts, oldest first; filled only when one delivery is read. */
	public List<Attempt> getAttemptLog() {
		return attemptLog;
	}

	public void setAttemptLog(List<Attempt> attemptLog) {
		this.attemptLog = attemptLog == null ? new ArrayList<Attempt>() : attemptLog;
	}

	@Override
	public String toString() {
		return "Delivery[" + id + " " + uuid + " " + status + "]";
	}
}
