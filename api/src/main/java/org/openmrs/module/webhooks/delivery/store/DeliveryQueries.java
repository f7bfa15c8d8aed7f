package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.model.Attempt;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.outbox.ConnectionSource;

/** The delivery log and the events, read for the service layer. No locks; newest first; paged. */
public final class DeliveryQueries {

	private static final String DELIVERY_COLUMNS = "SELECT d.delivery_id, d.uuid, d.event_id, e.uuid, e.event_type,"
	        + " e.patient_uuid, t.uuid, t.name, d.status, d.attempts, d.next_attempt_at, d.last_status_code,"
	        + " d.last_error, d.created_at, d.completed_at";

	private static final String DELIVERY_FROM = " FROM webhooks_delivery d JOIN webhooks_event e ON e.event_id = d.event_id"
	        + " JOIN webhooks_target t ON t.target_id = d.target_id";

	private final ConnectionSource source;

	public DeliveryQueries(ConnectionSource source) {
		this.source = source;
	}

	public Page<Delivery> searchDeliveries(DeliverySearch s) throws SQLException {
		Where w = new Where();
		w.add("t.uuid = ?", s.getTargetUuid());
		w.add("d.status = ?", s.getStatus() == null ? null : s.getStatus().name());
		w.add("e.event_type = ?", s.getEventType());
		w.add("e.patient_uuid = ?", s.getPatientUuid());
		w.add("d.created_at >= ?", s.getFrom());
		w.add("d.created_at <= ?", s.getTo());
		try (Connection c = source.getConnection()) {
			List<Delivery> rows = new ArrayList<>();
			int limit = Math.max(1, s.getLimit());
			try (PreparedStatement ps = c.prepareStatement(DELIVERY_COLUMNS + DELIVERY_FROM + w.sql()
			        + " ORDER BY d.delivery_id DESC LIMIT ? OFFSET ?")) {
				int i = w.bind(ps);
				ps.setInt(i, limit + 1);
				ps.setInt(i + 1, Math.max(0, s.getStartIndex()));
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						rows.add(delivery(rs));
					}
				}
			}
			boolean more = rows.size() > limit;
			return new Page<>(more ? rows.subList(0, limit) : rows, more,
			        count(c, "SELECT COUNT(*)" + DELIVERY_FROM + w.sql(), w));
		}
	}

	/** With its attempts, oldest first; {@code null} when there is none. */
	public Delivery getDelivery(String uuid) throws SQLException {
		try (Connection c = source.getConnection()) {
			Delivery d = null;
			try (PreparedStatement ps = c.prepareStatement(DELIVERY_COLUMNS + DELIVERY_FROM + " WHERE d.uuid = ?")) {
				ps.setString(1, uuid);
				try (ResultSet rs = ps.executeQuery()) {
					if (rs.next()) {
						d = delivery(rs);
					}
				}
			}
			if (d != null) {
				d.setAttemptLog(attempts(c, d.getId()));
			}
			return d;
		}
	}

	private static List<Attempt> attempts(Connection c, long deliveryId) throws SQLException {
		List<Attempt> list = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT started_at, duration_ms, status_code, error,"
		        + " response_excerpt, manual FROM webhooks_attempt WHERE delivery_id = ? ORDER BY attempt_id")) {
			ps.setLong(1, deliveryId);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					Attempt a = new Attempt();
					a.setStartedAt(rs.getLong(1));
					a.setDurationMillis(rs.getLong(2));
					int code = rs.getInt(3);
					a.setStatusCode(rs.wasNull() ? null : code);
					a.setError(rs.getString(4));
					a.setResponseExcerpt(rs.getString(5));
					a.setManual(rs.getBoolean(6));
					list.add(a);
				}
			}
		}
		return list;
	}

	private static Delivery delivery(ResultSet rs) throws SQLException {
		Delivery d = new Delivery();
		d.setId(rs.getLong(1));
		d.setUuid(rs.getString(2));
		d.setEventId(rs.getLong(3));
		d.setEventUuid(rs.getString(4));
		d.setEventType(rs.getString(5));
		d.setPatientUuid(rs.getString(6));
		d.setTargetUuid(rs.getString(7));
		d.setTargetName(rs.getString(8));
		d.setStatus(DeliveryStatus.valueOf(rs.getString(9)));
		d.setAttempts(rs.getInt(10));
		d.setNextAttemptAt(rs.getLong(11));
		int code = rs.getInt(12);
		d.setLastStatusCode(rs.wasNull() ? null : code);
		d.setLastError(rs.getString(13));
		d.setCreatedAt(rs.getLong(14));
		d.setCompletedAt(rs.getLong(15));
		return d;
	}

	private static long count(Connection c, String sql, Where w) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			w.bind(ps);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** A WHERE clause built from the criteria that are set. */
	private static final class Where {

		private final StringBuilder sql = new StringBuilder();

		private final List<Object> values = new ArrayList<>();

		void add(String condition, Object value) {
			if (value != null) {
				sql.append(values.isEmpty() ? " WHERE " : " AND ").append(condition);
				values.add(value);
			}
		}

		String sql() {
			return sql.toString();
		}

		int bind(PreparedStatement ps) throws SQLException {
			int i = 1;
			for (Object v : values) {
				ps.setObject(i++, v);
			}
			return i;
		}
	}
}
