package org.openmrs.module.webhooks.target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.testdb.TestDatabase;

/**
 * One fresh database per test class (subclasses pick H2, MariaDB or PostgreSQL), emptied before each test, with
 * helpers that read and write rows directly, as the delivery engine would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TargetDatabaseTestBase {

	protected TestDatabase db;

	protected abstract TestDatabase.Kind kind();

	@BeforeAll
	protected void createDatabase() {
		db = TestDatabase.create(kind()).migrate();
	}

	@AfterAll
	protected void dropDatabase() {
		db.close();
	}

	@BeforeEach
	protected void emptyTables() {
		db.execute("DELETE FROM webhooks_attempt");
		db.execute("DELETE FROM webhooks_delivery");
		db.execute("DELETE FROM webhooks_event");
		db.execute("DELETE FROM webhooks_target");
	}

	protected long count(String table) {
		return queryLong("SELECT COUNT(*) FROM " + table);
	}

	protected long queryLong(String sql, Object... args) {
		return Long.parseLong(queryString(sql, args));
	}

	protected String queryString(String sql, Object... args) {
		try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				ps.setObject(i + 1, args[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}

	protected void update(String sql, Object... args) {
		try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				ps.setObject(i + 1, args[i]);
			}
			ps.executeUpdate();
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}

	/** One event with one delivery to {@code targetId} and {@code attempts} logged attempts; returns the event id. */
	protected long insertDeliveryWithAttempts(long targetId, int attempts) {
		String eventUuid = UUID.randomUUID().toString();
		update("INSERT INTO webhooks_event (uuid, event_type, resource, resource_uuid, occurred_at)"
		        + " VALUES (?, 'patient.created', 'patient', ?, 1)", eventUuid, UUID.randomUUID().toString());
		long eventId = queryLong("SELECT event_id FROM webhooks_event WHERE uuid = ?", eventUuid);
		String deliveryUuid = UUID.randomUUID().toString();
		update("INSERT INTO webhooks_delivery (uuid, event_id, target_id, status, next_attempt_at, created_at)"
		        + " VALUES (?, ?, ?, 'FAILED', 1, 1)", deliveryUuid, eventId, targetId);
		long deliveryId = queryLong("SELECT delivery_id FROM webhooks_delivery WHERE uuid = ?", deliveryUuid);
		for (int i = 0; i < attempts; i++) {
			update("INSERT INTO webhooks_attempt (delivery_id, started_at, duration_ms, status_code)"
			        + " VALUES (?, ?, 12, 500)", deliveryId, (long) i);
		}
		return eventId;
	}
}
