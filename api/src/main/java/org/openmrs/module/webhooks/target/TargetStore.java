package org.openmrs.module.webhooks.target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetHealth;
import org.openmrs.module.webhooks.model.TargetState;
import org.openmrs.module.webhooks.outbox.ConnectionSource;

/**
 * The {@code webhooks_target} table over plain JDBC (no Hibernate: the delivery engine shares these rows from
 * its own threads). Targets go in and come out with secrets in clear; in the table every secret value is
 * encrypted by the {@link SecretCipher}. Each write is one JDBC transaction on its own connection (all or
 * nothing), independent of any OpenMRS transaction on the calling thread.
 *
 * <p>Concurrency: {@link #update} is optimistic, with {@code date_changed} as the version (callers move it
 * strictly forward, see {@link TargetChanges#nextDateChanged}). The health columns belong to the delivery
 * engine; this class only reads them, and resets them when a person enables a target.
 *
 * <p>Thread-safe.
 */
public final class TargetStore {

	private static final String COLUMNS = "target_id, uuid, name, description, url, enabled, retired, retire_reason,"
	        + " config, state, consecutive_failures, failing_since, last_success_at, last_failure_at, last_error,"
	        + " paused_until, date_created, date_changed";

	/** Back to a clean slate, so that enabling a target by hand lets deliveries flow at once. */
	private static final String RESET_HEALTH = "state = 'ACTIVE', consecutive_failures = 0, failing_since = 0,"
	        + " paused_until = 0";

	private final Jdbc jdbc;

	private final ConfigJson config;

	public TargetStore(ConnectionSource connections, SecretCipher cipher) {
		this.jdbc = new Jdbc(connections);
		this.config = new ConfigJson(cipher);
	}

	/** Inserts a new target ({@code id} null) and returns its database id. Health columns take their defaults. */
	public long insert(Target t) {
		final String json = config.write(t);
		return jdbc.inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks_target (uuid, name, description, url,"
			        + " enabled, retired, retire_reason, config, date_created, date_changed)"
			        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				ps.setString(1, t.getUuid());
				ps.setString(2, t.getName());
				ps.setString(3, t.getDescription());
				ps.setString(4, t.getUrl());
				ps.setBoolean(5, t.isEnabled());
				ps.setBoolean(6, t.isRetired());
				ps.setString(7, t.getRetireReason());
				ps.setString(8, json);
				ps.setLong(9, t.getDateCreated());
				ps.setLong(10, t.getDateChanged());
				ps.executeUpdate();
			}
			// by uuid rather than generated keys: the three drivers disagree on how those are returned
			try (PreparedStatement ps = c.prepareStatement("SELECT target_id FROM webhooks_target WHERE uuid = ?")) {
				ps.setString(1, t.getUuid());
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
		});
	}

	/**
	 * Writes the configuration of {@code t} (name, description, url, enabled, config; not retirement nor
	 * health) if the row still has {@code expectedDateChanged}, and sets {@code date_changed} to
	 * {@code t.getDateChanged()}.
	 *
	 * @param resetHealth also put the health back to ACTIVE (a person enabled the target)
	 * @throws TargetConflictException when the row changed since it was read
	 * @throws TargetNotFoundException when the row is gone
	 */
	public void update(Target t, long expectedDateChanged, boolean resetHealth) {
		final String json = config.write(t);
		jdbc.inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_target SET name = ?, description = ?,"
			        + " url = ?, enabled = ?, config = ?, date_changed = ?" + (resetHealth ? ", " + RESET_HEALTH : "")
			        + " WHERE target_id = ? AND date_changed = ?")) {
				ps.setString(1, t.getName());
				ps.setString(2, t.getDescription());
				ps.setString(3, t.getUrl());
				ps.setBoolean(4, t.isEnabled());
				ps.setString(5, json);
				ps.setLong(6, t.getDateChanged());
				ps.setLong(7, t.getId());
				ps.setLong(8, expectedDateChanged);
				if (ps.executeUpdate() == 0) {
					throw exists(c, t.getId()) ? new TargetConflictException(t.getUuid())
					        : new TargetNotFoundException("with uuid " + t.getUuid());
				}
			}
			return null;
		});
	}

	/** Retires ({@code retired}) or unretires a target; {@code false} when there is no such row. */
	public boolean setRetired(long id, boolean retired, String reason, long dateChanged) {
		return jdbc.inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement(
			    "UPDATE webhooks_target SET retired = ?, retire_reason = ?, date_changed = ? WHERE target_id = ?")) {
				ps.setBoolean(1, retired);
				ps.setString(2, retired ? reason : null);
				ps.setLong(3, dateChanged);
				ps.setLong(4, id);
				return ps.executeUpdate() == 1;
			}
		});
	}

	/** Enables (and resets the health to ACTIVE) or disables a target; {@code false} when there is no such row. */
	public boolean setEnabled(long id, boolean enabled, long dateChanged) {
		return jdbc.inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_target SET enabled = ?, date_changed = ?"
			        + (enabled ? ", " + RESET_HEALTH : "") + " WHERE target_id = ?")) {
				ps.setBoolean(1, enabled);
				ps.setLong(2, dateChanged);
				ps.setLong(3, id);
				return ps.executeUpdate() == 1;
			}
		});
	}

	/**
	 * Deletes the target with its deliveries and their attempts, in one transaction. The target row and its
	 * deliveries are locked first, so a delivery or attempt being added meanwhile waits and then fails on its
	 * foreign key instead of failing this purge. Events stay.
	 *
	 * @return {@code false} when there is no such row
	 */
	public boolean purge(long id) {
		return jdbc.inTransaction(c -> {
			if (!lock(c, "SELECT target_id FROM webhooks_target WHERE target_id = ? FOR UPDATE", id)) {
				return false;
			}
			lock(c, "SELECT delivery_id FROM webhooks_delivery WHERE target_id = ? FOR UPDATE", id);
			execute(c, "DELETE FROM webhooks_attempt WHERE delivery_id IN"
			        + " (SELECT delivery_id FROM webhooks_delivery WHERE target_id = ?)", id);
			execute(c, "DELETE FROM webhooks_delivery WHERE target_id = ?", id);
			execute(c, "DELETE FROM webhooks_target WHERE target_id = ?", id);
			return true;
		});
	}

	/** The target with secrets in clear, or {@code null}. */
	public Target findByUuid(String uuid) {
		return jdbc.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks_target WHERE uuid = ?")) {
				ps.setString(1, uuid);
				return single(ps);
			}
		});
	}

	/** The target with secrets in clear, or {@code null}. */
	public Target findById(long id) {
		return jdbc.read(c -> {
			try (PreparedStatement ps = c.prepareStatement(
			    "SELECT " + COLUMNS + " FROM webhooks_target WHERE target_id = ?")) {
				ps.setLong(1, id);
				return single(ps);
			}
		});
	}

	/** Targets with secrets in clear, ordered by name (then id); retired ones only when asked for. */
	public List<Target> list(boolean includeRetired) {
		return jdbc.read(c -> {
			try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks_target"
			        + (includeRetired ? "" : " WHERE retired = ?") + " ORDER BY name, target_id")) {
				if (!includeRetired) {
					ps.setBoolean(1, false);
				}
				List<Target> targets = new ArrayList<>();
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						targets.add(row(rs));
					}
				}
				return targets;
			}
		});
	}

	private Target single(PreparedStatement ps) throws SQLException {
		try (ResultSet rs = ps.executeQuery()) {
			return rs.next() ? row(rs) : null;
		}
	}

	private Target row(ResultSet rs) throws SQLException {
		Target t = new Target();
		t.setId(rs.getLong("target_id"));
		t.setUuid(rs.getString("uuid"));
		t.setName(rs.getString("name"));
		t.setDescription(rs.getString("description"));
		t.setUrl(rs.getString("url"));
		t.setEnabled(rs.getBoolean("enabled"));
		t.setRetired(rs.getBoolean("retired"));
		t.setRetireReason(rs.getString("retire_reason"));
		t.setDateCreated(rs.getLong("date_created"));
		t.setDateChanged(rs.getLong("date_changed"));
		TargetHealth h = t.getHealth();
		h.setState(TargetState.valueOf(rs.getString("state")));
		h.setConsecutiveFailures(rs.getInt("consecutive_failures"));
		h.setFailingSince(rs.getLong("failing_since"));
		h.setLastSuccessAt(rs.getLong("last_success_at"));
		h.setLastFailureAt(rs.getLong("last_failure_at"));
		h.setLastError(rs.getString("last_error"));
		h.setPausedUntil(rs.getLong("paused_until"));
		config.read(rs.getString("config"), t);
		return t;
	}

	private static boolean exists(Connection c, long id) throws SQLException {
		return lock(c, "SELECT target_id FROM webhooks_target WHERE target_id = ?", id);
	}

	private static boolean lock(Connection c, String sql, long id) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				boolean any = rs.next();
				while (rs.next()) {
					// read to the end, so the locking statement has certainly run over every row
				}
				return any;
			}
		}
	}

	private static void execute(Connection c, String sql, long id) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setLong(1, id);
			ps.executeUpdate();
		}
	}
}
