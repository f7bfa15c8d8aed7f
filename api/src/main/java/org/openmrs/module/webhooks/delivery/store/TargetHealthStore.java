package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.openmrs.module.webhooks.model.TargetState;

/**
 * The health columns of {@code webhooks_target}, changed only by conditional UPDATEs so that several nodes
 * recording outcomes at once never lose a count or undo a state another node set. Methods run on the caller's
 * connection and transaction.
 */
public final class TargetHealthStore {

	/** How stale a healthy target's {@code last_success_at} may get (it is shown, not used). */
	static final long SUCCESS_REFRESH_MILLIS = 1_000;

	/** A target's health row as read. */
	public static final class Health {

		public final TargetState state;

		public final int consecutiveFailures;

		public final long failingSince;

		public final long pausedUntil;

		Health(TargetState state, int consecutiveFailures, long failingSince, long pausedUntil) {
			this.state = state;
			this.consecutiveFailures = consecutiveFailures;
			this.failingSince = failingSince;
			this.pausedUntil = pausedUntil;
		}
	}

	/** Every target's health, by target id. */
	public Map<Long, Health> readAll(Connection c) throws SQLException {
		Map<Long, Health> all = new HashMap<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT target_id, state, consecutive_failures, failing_since,"
		        + " paused_until FROM webhooks_target"); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				all.put(rs.getLong(1), read(rs));
			}
		}
		return all;
	}

	/** One target's health, or {@code null}. */
	public Health read(Connection c, long targetId) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT target_id, state, consecutive_failures, failing_since,"
		        + " paused_until FROM webhooks_target WHERE target_id = ?")) {
			ps.setLong(1, targetId);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? read(rs) : null;
			}
		}
	}

	/**
	 * A success: failures reset; a PAUSED target (the probe went through) becomes ACTIVE; DISABLED stays. A healthy
	 * target's row is rewritten only when its last success is {@link #SUCCESS_REFRESH_MILLIS} old: every batch of
	 * outcomes records a success, and locking the target row for each would queue the fan-out's inserts (their
	 * foreign key check reads it under a shared lock) behind the writer's transactions. In READ COMMITTED a row the
	 * WHERE clause rejects is not locked.
	 */
	public void recordSuccess(Connection c, long targetId, long at) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_target SET consecutive_failures = 0,"
		        + " failing_since = 0, last_success_at = ?, paused_until = 0,"
		        + " state = CASE WHEN state = 'PAUSED' THEN 'ACTIVE' ELSE state END WHERE target_id = ?"
		        + " AND (consecutive_failures <> 0 OR failing_since <> 0 OR paused_until <> 0 OR state = 'PAUSED'"
		        + " OR last_success_at < ?)")) {
			ps.setLong(1, at);
			ps.setLong(2, targetId);
			ps.setLong(3, at - SUCCESS_REFRESH_MILLIS);
			ps.executeUpdate();
		}
	}

	/** {@code count} failures in a row, the first at {@code firstAt}. */
	public void recordFailures(Connection c, long targetId, int count, long firstAt, long lastAt, String error)
	        throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_target SET consecutive_failures ="
		        + " consecutive_failures + ?, last_failure_at = ?, last_error = ?,"
		        + " failing_since = CASE WHEN failing_since = 0 THEN ? ELSE failing_since END WHERE target_id = ?")) {
			ps.setInt(1, count);
			ps.setLong(2, lastAt);
			ps.setString(3, Jdbc.truncate(error, OutcomeStore.MAX_ERROR));
			ps.setLong(4, firstAt);
			ps.setLong(5, targetId);
			ps.executeUpdate();
		}
	}

	/** Opens (or, after a failed probe, keeps open) the circuit breaker until {@code until}. */
	public boolean pause(Connection c, long targetId, long until) throws SQLException {
		return update(c, "UPDATE webhooks_target SET state = 'PAUSED', paused_until = ? WHERE target_id = ?"
		        + " AND state IN ('ACTIVE', 'PAUSED')", until, targetId) == 1;
	}

	/** Disables the target (410 Gone, or failing too long), keeping the reason in last_error. */
	public boolean disable(Connection c, long targetId, String reason) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_target SET state = 'DISABLED', last_error = ?"
		        + " WHERE target_id = ? AND state <> 'DISABLED'")) {
			ps.setString(1, Jdbc.truncate(reason, OutcomeStore.MAX_ERROR));
			ps.setLong(2, targetId);
			return ps.executeUpdate() == 1;
		}
	}

	/**
	 * Takes the right to send the one probe of a PAUSED target whose pause is over, by pushing paused_until to
	 * {@code holdUntil}: only one node wins.
	 */
	public boolean acquireProbe(Connection c, long targetId, long now, long holdUntil) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_target SET paused_until = ? WHERE target_id = ?"
		        + " AND state = 'PAUSED' AND paused_until <= ?")) {
			ps.setLong(1, holdUntil);
			ps.setLong(2, targetId);
			ps.setLong(3, now);
			return ps.executeUpdate() == 1;
		}
	}

	private static Health read(ResultSet rs) throws SQLException {
		return new Health(TargetState.valueOf(rs.getString(2)), rs.getInt(3), rs.getLong(4), rs.getLong(5));
	}

	private static int update(Connection c, String sql, long first, long targetId) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, first);
			ps.setLong(2, targetId);
			return ps.executeUpdate();
		}
	}
}
