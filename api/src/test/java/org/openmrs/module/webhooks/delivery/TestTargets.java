package org.openmrs.module.webhooks.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetState;
import org.openmrs.module.webhooks.outbox.ConnectionSource;

/** A real {@link TargetRegistry} for tests: targets held in memory, each with its row in webhooks_target. */
final class TestTargets implements TargetRegistry {

	private final ConnectionSource db;

	private final List<Target> targets = new CopyOnWriteArrayList<>();

	TestTargets(ConnectionSource db) {
		this.db = db;
	}

	/** A per-patient target to {@code url} for every event type. */
	static Target target(String name, String url) {
		Target t = new Target();
		t.setName(name);
		t.setUrl(url);
		t.getEventTypes().add("*");
		t.setTimeoutSeconds(5);
		return t;
	}

	Target add(Target t) throws Exception {
		t.setUuid(UUID.randomUUID().toString());
		try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
		    "INSERT INTO webhooks_target (uuid, name, url, enabled, retired, config, state, consecutive_failures,"
		            + " failing_since, last_success_at, last_failure_at, paused_until, date_created, date_changed)"
		            + " VALUES (?, ?, ?, ?, ?, '{}', 'ACTIVE', 0, 0, 0, 0, 0, 0, 0)",
		    Statement.RETURN_GENERATED_KEYS)) {
			ps.setString(1, t.getUuid());
			ps.setString(2, t.getName());
			ps.setString(3, t.getUrl());
			ps.setBoolean(4, true);
			ps.setBoolean(5, false);
			ps.executeUpdate();
			try (ResultSet rs = ps.getGeneratedKeys()) {
				rs.next();
				t.setId(rs.getLong(1));
			}
		}
		targets.add(t);
		return t;
	}

	TargetState state(Target t) throws Exception {
		try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
		    "SELECT state FROM webhooks_target WHERE target_id = ?")) {
			ps.setLong(1, t.getId());
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return TargetState.valueOf(rs.getString(1));
			}
		}
	}

	@Override
	public List<Target> deliverableTargets() {
		List<Target> out = new ArrayList<>();
		for (Target t : targets) {
			if (t.isEnabled() && !t.isRetired()) {
				out.add(t);
			}
		}
		return out;
	}

	@Override
	public Target getTarget(long targetId) {
		for (Target t : targets) {
			if (t.getId() == targetId) {
				return t;
			}
		}
		return null;
	}
}
