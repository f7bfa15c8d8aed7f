package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.api.DeliveryStats;
import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * The figures of the stats resource, from aggregate queries. Latency percentiles come from a histogram counted
 * in SQL (bucket upper bounds below), so the cost does not grow with the number of attempts read into memory;
 * a percentile is reported as the upper bound of the bucket it falls in.
 */
public final class StatsQueries {

	static final long[] BUCKETS_MS = { 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000 };

	private static final long HOUR = 3_600_000L;

	private final ConnectionSource source;

	public StatsQueries(ConnectionSource source) {
		this.source = source;
	}

	/** @param targetNames target id → name, for the per-target figures */
	public DeliveryStats stats(long now, Map<Long, String[]> targetNames) throws SQLException {
		DeliveryStats stats = new DeliveryStats();
		long dayAgo = now - 24 * HOUR;
		try (Connection c = source.getConnection()) {
			Long oldest = null;
			try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(created_at) FROM webhooks_delivery"
			        + " WHERE status = 'PENDING'"); ResultSet rs = ps.executeQuery()) {
				rs.next();
				stats.setQueueDepth(rs.getLong(1));
				long min = rs.getLong(2);
				oldest = rs.wasNull() ? null : min;
			}
			stats.setOldestPendingAgeMillis(oldest == null ? 0 : Math.max(0, now - oldest));
			stats.setEventsAwaitingFanOut(single(c, "SELECT COUNT(*) FROM webhooks_event WHERE fanout_state = 0"));
			stats.setCaptureFailures(captureFailures(c));

			Map<Long, DeliveryStats.TargetStats> perTarget = new LinkedHashMap<>();
			try (PreparedStatement ps = c.prepareStatement("SELECT target_id, status, COUNT(*) FROM webhooks_delivery"
			        + " GROUP BY target_id, status"); ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					DeliveryStats.TargetStats t = target(perTarget, rs.getLong(1), targetNames);
					long n = rs.getLong(3);
					switch (rs.getString(2)) {
						case "PENDING":
							t.setPending(n);
							break;
						case "DELIVERED":
							t.setDelivered(n);
							stats.setDelivered(stats.getDelivered() + n);
							break;
						case "FAILED":
							t.setFailed(n);
							stats.setFailed(stats.getFailed() + n);
							break;
						default:
							t.setDead(n);
							stats.setDead(stats.getDead() + n);
					}
				}
			}
			latencies(c, dayAgo, perTarget, targetNames);
			stats.setTargets(new ArrayList<>(perTarget.values()));
			stats.setLastDay(hours(c, now));
		}
		return stats;
	}

	private void latencies(Connection c, long since, Map<Long, DeliveryStats.TargetStats> perTarget,
	        Map<Long, String[]> names) throws SQLException {
		StringBuilder bucket = new StringBuilder("CASE");
		for (int i = 0; i < BUCKETS_MS.length; i++) {
			bucket.append(" WHEN a.duration_ms <= ").append(BUCKETS_MS[i]).append(" THEN ").append(i);
		}
		bucket.append(" ELSE ").append(BUCKETS_MS.length).append(" END");
		String ok = "CASE WHEN a.status_code >= 200 AND a.status_code < 300 THEN 1 ELSE 0 END";
		Map<Long, long[]> histograms = new LinkedHashMap<>();
		Map<Long, long[]> outcomes = new LinkedHashMap<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT d.target_id, " + bucket + ", " + ok + ", COUNT(*)"
		        + " FROM webhooks_attempt a JOIN webhooks_delivery d ON d.delivery_id = a.delivery_id"
		        + " WHERE a.started_at >= ? GROUP BY d.target_id, " + bucket + ", " + ok)) {
			ps.setLong(1, since);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					long id = rs.getLong(1);
					long n = rs.getLong(4);
					histograms.computeIfAbsent(id, k -> new long[BUCKETS_MS.length + 1])[rs.getInt(2)] += n;
					outcomes.computeIfAbsent(id, k -> new long[2])[rs.getInt(3)] += n;
				}
			}
		}
		for (Map.Entry<Long, long[]> e : histograms.entrySet()) {
			DeliveryStats.TargetStats t = target(perTarget, e.getKey(), names);
			long[] o = outcomes.get(e.getKey());
			t.setSuccessRate((double) o[1] / (o[0] + o[1]));
			t.setLatencyP50Millis(percentile(e.getValue(), 0.50));
			t.setLatencyP95Millis(percentile(e.getValue(), 0.95));
		}
	}

	static long percentile(long[] histogram, double p) {
		long total = 0;
		for (long n : histogram) {
			total += n;
		}
		long seen = 0;
		for (int i = 0; i < histogram.length; i++) {
			seen += histogram[i];
			if (seen >= Math.ceil(p * total)) {
				return i < BUCKETS_MS.length ? BUCKETS_MS[i] : BUCKETS_MS[BUCKETS_MS.length - 1] * 2;
			}
		}
		return -1;
	}

	private static List<DeliveryStats.HourBucket> hours(Connection c, long now) throws SQLException {
		long firstHour = (now / HOUR - 23) * HOUR;
		long[] delivered = new long[24];
		long[] failed = new long[24];
		hourly(c, "SELECT FLOOR(completed_at / 3600000), COUNT(*) FROM webhooks_delivery WHERE status = 'DELIVERED'"
		        + " AND completed_at >= ? GROUP BY FLOOR(completed_at / 3600000)", firstHour, delivered);
		hourly(c, "SELECT FLOOR(started_at / 3600000), COUNT(*) FROM webhooks_attempt WHERE started_at >= ?"
		        + " AND (status_code IS NULL OR status_code < 200 OR status_code >= 300)"
		        + " GROUP BY FLOOR(started_at / 3600000)", firstHour, failed);
		List<DeliveryStats.HourBucket> buckets = new ArrayList<>(24);
		for (int i = 0; i < 24; i++) {
			buckets.add(new DeliveryStats.HourBucket(firstHour + i * HOUR, delivered[i], failed[i]));
		}
		return buckets;
	}

	private static void hourly(Connection c, String sql, long firstHour, long[] into) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, firstHour);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					int i = (int) (rs.getLong(1) - firstHour / HOUR);
					if (i >= 0 && i < 24) {
						into[i] += rs.getLong(2);
					}
				}
			}
		}
	}

	private static DeliveryStats.TargetStats target(Map<Long, DeliveryStats.TargetStats> map, long id,
	        Map<Long, String[]> names) {
		return map.computeIfAbsent(id, k -> {
			DeliveryStats.TargetStats t = new DeliveryStats.TargetStats();
			String[] n = names.get(k);
			t.setTargetUuid(n == null ? null : n[0]);
			t.setTargetName(n == null ? null : n[1]);
			return t;
		});
	}

	/** Outbox writes that failed, as flushed by every node's capture into the shared counter. */
	private static long captureFailures(Connection c) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
		    "SELECT counter_value FROM webhooks_counter WHERE name = 'capture.failures'");
		        ResultSet rs = ps.executeQuery()) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

	private static long single(Connection c, String sql) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Target id → {uuid, name}, from the target table. */
	public Map<Long, String[]> targetNames() throws SQLException {
		Map<Long, String[]> names = new LinkedHashMap<>();
		try (Connection c = source.getConnection(); PreparedStatement ps = c.prepareStatement(
		    "SELECT target_id, uuid, name FROM webhooks_target"); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				names.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
			}
		}
		return names;
	}
}
