package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes attempt outcomes in bulk, on the caller's connection and transaction. Each delivery's update is
 * conditional on the row still carrying this attempt's lease owner: an attempt whose lease was taken over by
 * another worker changes nothing but is still logged, because the request did go out.
 */
public final class OutcomeStore {

	static final int MAX_ERROR = 1024;

	static final int MAX_EXCERPT = 4096;

	/** @return how many deliveries were updated (the rest had lost their lease) */
	public int write(Connection c, List<DeliveryOutcome> outcomes, long now) throws SQLException {
		int updated = writeDelivered(c, outcomes, now) + writeOthers(c, outcomes, now);
		insertAttempts(c, outcomes);
		return updated;
	}

	/**
	 * Successes are the bulk of the traffic: one statement per (lease owner, status code), which is one per claim
	 * batch in practice.
	 */
	private int writeDelivered(Connection c, List<DeliveryOutcome> outcomes, long now) throws SQLException {
		Map<String, List<Long>> groups = new LinkedHashMap<>();
		for (DeliveryOutcome o : outcomes) {
			if (o.isDelivered()) {
				String key = o.getLeaseOwner() + "\n" + o.getStatusCode();
				groups.computeIfAbsent(key, k -> new ArrayList<Long>()).add(o.getDeliveryId());
			}
		}
		int updated = 0;
		for (Map.Entry<String, List<Long>> g : groups.entrySet()) {
			String[] key = g.getKey().split("\n", 2);
			List<Long> ids = g.getValue();
			try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_delivery SET status = 'DELIVERED',"
			        + " attempts = attempts + 1, last_status_code = ?, last_error = NULL, completed_at = ?,"
			        + " lease_owner = NULL, lease_until = 0, manual_retry = ?"
			        + " WHERE lease_owner = ? AND status = 'PENDING' AND delivery_id IN (" + Jdbc.placeholders(ids.size())
			        + ")")) {
				ps.setInt(1, Integer.parseInt(key[1]));
				ps.setLong(2, now);
				ps.setBoolean(3, false);
				ps.setString(4, key[0]);
				Jdbc.bindLongs(ps, 5, ids);
				updated += ps.executeUpdate();
			}
		}
		return updated;
	}

	private int writeOthers(Connection c, List<DeliveryOutcome> outcomes, long now) throws SQLException {
		int updated = 0;
		boolean any = false;
		try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_delivery SET status = ?, attempts = attempts + 1,"
		        + " next_attempt_at = ?, last_status_code = ?, last_error = ?, completed_at = ?, lease_owner = NULL,"
		        + " lease_until = 0, manual_retry = ? WHERE delivery_id = ? AND lease_owner = ? AND status = 'PENDING'")) {
			for (DeliveryOutcome o : outcomes) {
				if (o.isDelivered()) {
					continue;
				}
				boolean pending = o.getStatus() == org.openmrs.module.webhooks.model.DeliveryStatus.PENDING;
				ps.setString(1, o.getStatus().name());
				ps.setLong(2, pending ? o.getNextAttemptAt() : now);
				setInteger(ps, 3, o.getStatusCode());
				ps.setString(4, Jdbc.truncate(o.getError(), MAX_ERROR));
				ps.setLong(5, pending ? 0 : now);
				ps.setBoolean(6, false);
				ps.setLong(7, o.getDeliveryId());
				ps.setString(8, o.getLeaseOwner());
				ps.addBatch();
				any = true;
			}
			if (any) {
				for (int n : ps.executeBatch()) {
					// some drivers answer SUCCESS_NO_INFO (-2) for batched rows: count those as written
					updated += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : n;
				}
			}
		}
		return updated;
	}

	/**
	 * Gives up leases taken but never used (the engine stopped before sending), so others need not wait: the rows
	 * are due again at {@code now}.
	 */
	public void release(Connection c, List<ClaimedDelivery> claimed, long now) throws SQLException {
		if (claimed.isEmpty()) {
			return;
		}
		try (PreparedStatement ps = c.prepareStatement("UPDATE webhooks_delivery SET lease_owner = NULL, lease_until = 0,"
		        + " next_attempt_at = ? WHERE delivery_id = ? AND lease_owner = ? AND status = 'PENDING'")) {
			for (ClaimedDelivery d : claimed) {
				ps.setLong(1, now);
				ps.setLong(2, d.getDeliveryId());
				ps.setString(3, d.getLeaseOwner());
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	/** One multi-row INSERT per {@link Jdbc#ROWS_PER_INSERT} attempts. */
	private void insertAttempts(Connection c, List<DeliveryOutcome> outcomes) throws SQLException {
		for (int from = 0; from < outcomes.size(); from += Jdbc.ROWS_PER_INSERT) {
			List<DeliveryOutcome> chunk = outcomes.subList(from, Math.min(outcomes.size(), from + Jdbc.ROWS_PER_INSERT));
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhooks_attempt (delivery_id, started_at,"
			        + " duration_ms, status_code, error, response_excerpt, manual) VALUES " + Jdbc.tuples(chunk.size(), "(?,?,?,?,?,?,?)"))) {
				int i = 1;
				for (DeliveryOutcome o : chunk) {
					ps.setLong(i++, o.getDeliveryId());
					ps.setLong(i++, o.getStartedAt());
					ps.setLong(i++, o.getDurationMillis());
					setInteger(ps, i++, o.getStatusCode());
					ps.setString(i++, Jdbc.truncate(o.getError(), MAX_ERROR));
					ps.setString(i++, Jdbc.truncate(o.getResponseExcerpt(), MAX_EXCERPT));
					ps.setBoolean(i++, o.isManual());
				}
				ps.executeUpdate();
			}
		}
	}

	private static void setInteger(PreparedStatement ps, int i, Integer value) throws SQLException {
		if (value == null) {
			ps.setNull(i, Types.INTEGER);
		}
		else {
			ps.setInt(i, value);
		}
	}
}
