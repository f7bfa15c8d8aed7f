package org.openmrs.module.webhooks.delivery;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openmrs.module.webhooks.testdb.TestDatabase;

/** Manual probe: the claim query's plan on a queue of 20,000 PENDING deliveries (not a test). */
public final class ClaimPlanProbe {

	public static void main(String[] args) throws Exception {
		try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.valueOf(args.length > 0 ? args[0] : "MARIADB")).migrate()) {
			TestTargets targets = new TestTargets(db);
			targets.add(TestTargets.target("t", "http://127.0.0.1:1/"));
			Outbox outbox = new Outbox(db);
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < 20000; i++) {
				rows.add(new Object[] { UUID.randomUUID().toString(), "obs.created", "P" + (i % 2000), 1L, null });
			}
			outbox.insert(rows);
			db.execute("INSERT INTO webhooks_delivery (uuid, event_id, target_id, status, ordering_key, attempts, next_attempt_at, lease_until, created_at, completed_at, manual_retry) SELECT uuid, event_id, 1, 'PENDING', patient_uuid, 0, event_id / 500, 0, 0, 0, false FROM webhooks_event");
			db.execute("UPDATE webhooks_event SET fanout_state = 1");
			db.execute("ANALYZE TABLE webhooks_delivery");
			String sql = org.openmrs.module.webhooks.delivery.store.ClaimSqlProbe.claimable().replace("?", "%s");
			sql = String.format(sql, 1, 100000, 100000, 64);
			try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
				for (String prefix : new String[] { "EXPLAIN ", "ANALYZE " }) {
					try (ResultSet rs = s.executeQuery(prefix + sql)) {
						int n = rs.getMetaData().getColumnCount();
						while (rs.next()) {
							StringBuilder b = new StringBuilder();
							for (int i = 1; i <= n; i++) {
								b.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
							}
							System.out.println(b);
						}
					}
				}
				long t0 = System.nanoTime();
				for (int i = 0; i < 20; i++) {
					try (ResultSet rs = s.executeQuery(sql)) {
						while (rs.next()) {
						}
					}
				}
				System.out.println("avg ms " + (System.nanoTime() - t0) / 20 / 1e6);
			}
		}
	}
}
