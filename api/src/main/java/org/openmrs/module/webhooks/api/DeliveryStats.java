package org.openmrs.module.webhooks.api;

import java.util.ArrayList;
import java.util.List;

/** A snapshot of the queue and of delivery outcomes, for the stats resource and the admin page. */
public class DeliveryStats {

	/** PENDING deliveries. */
	private long queueDepth;

	/** Age in ms of the oldest PENDING delivery, 0 when none. */
	private long oldestPendingAgeMillis;

	/** Events not yet turned into deliveries. */
	private long eventsAwaitingFanOut;

	private long delivered;

	private long failed;

	private long dead;

	/** Outbox writes that failed since this node started (the clinical save went through; the event is lost). */
	private long captureFailures;

	private List<TargetStats> targets = new ArrayList<>();

	/** Delivered / failed counts per hour over the last 24 hours, oldest first, for the chart. */
	private List<HourBucket> lastDay = new ArrayList<>();

	public long getQueueDepth() {
		return queueDepth;
	}

	public void setQueueDepth(long queueDepth) {
		this.queueDepth = queueDepth;
	}

	public long getOldestPendingAgeMillis() {
		return oldestPendingAgeMillis;
	}

	public void setOldestPendingAgeMillis(long oldestPendingAgeMillis) {
		this.oldestPendingAgeMillis = oldestPendingAgeMillis;
	}

	public long getEventsAwaitingFanOut() {
		return eventsAwaitingFanOut;
	}

	public void setEventsAwaitingFanOut(long eventsAwaitingFanOut) {
		this.eventsAwaitingFanOut = eventsAwaitingFanOut;
	}

	public long getDelivered() {
		return delivered;
	}

	public void setDelivered(long delivered) {
		this.delivered = delivered;
	}

	public long getFailed() {
		return failed;
	}

	public void setFailed(long failed) {
		this.failed = failed;
	}

	public long getDead() {
		return dead;
	}

	public void setDead(long dead) {
		this.dead = dead;
	}

	public long getCaptureFailures() {
		return captureFailures;
	}

	public void setCaptureFailures(long captureFailures) {
		this.captureFailures = captureFailures;
	}

	public List<TargetStats> getTargets() {
		return targets;
	}

	public void setTargets(List<TargetStats> targets) {
		this.targets = targets;
	}

	public List<HourBucket> getLastDay() {
		return lastDay;
	}

	public void setLastDay(List<HourBucket> lastDay) {
		this.lastDay = lastDay;
	}

	/** Figures for one target. */
	public static class TargetStats {

		private String targetUuid;

		private String targetName;

		private long pending;

		private long delivered;

		private long failed;

		private long dead;

		/** Delivered / (delivered + failed attempts) over the last 24 hours, 0..1; -1 when no attempt. */
		private double successRate = -1;

		/** Median and 95th percentile attempt duration over the last 24 hours, ms; -1 when no attempt. */
		private long latencyP50Millis = -1;

		private long latencyP95Millis = -1;

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

		public long getPending() {
			return pending;
		}

		public void setPending(long pending) {
			this.pending = pending;
		}

		public long getDelivered() {
			return delivered;
		}

		public void setDelivered(long delivered) {
			this.delivered = delivered;
		}

		public long getFailed() {
			return failed;
		}

		public void setFailed(long failed) {
			this.failed = failed;
		}

		public long getDead() {
			return dead;
		}

		public void setDead(long dead) {
			this.dead = dead;
		}

		public double getSuccessRate() {
			return successRate;
		}

		public void setSuccessRate(double successRate) {
			this.successRate = successRate;
		}

		public long getLatencyP50Millis() {
			return latencyP50Millis;
		}

		public void setLatencyP50Millis(long latencyP50Millis) {
			this.latencyP50Millis = latencyP50Millis;
		}

		public long getLatencyP95Millis() {
			return latencyP95Millis;
		}

		public void setLatencyP95Millis(long latencyP95Millis) {
			this.latencyP95Millis = latencyP95Millis;
		}
	}

	/** One hour of the chart. */
	public static class HourBucket {

		/** Start of the hour, epoch ms. */
		private long hour;

		private long delivered;

		private long failedAttempts;

		public HourBucket() {
		}

		public HourBucket(long hour, long delivered, long failedAttempts) {
			this.hour = hour;
			this.delivered = delivered;
			this.failedAttempts = failedAttempts;
		}

		public long getHour() {
			return hour;
		}

		public void setHour(long hour) {
			this.hour = hour;
		}

		public long getDelivered() {
			return delivered;
		}

		public void setDelivered(long delivered) {
			this.delivered = delivered;
		}

		public long getFailedAttempts() {
			return failedAttempts;
		}

		public void setFailedAttempts(long failedAttempts) {
			this.failedAttempts = failedAttempts;
		}
	}
}
