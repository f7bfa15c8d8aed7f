package org.openmrs.module.webhooks.delivery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.outbox.SqlDialect;
import org.openmrs.module.webhooks.testdb.TestDatabase;

class DatabaseCapabilitiesTest {

	@Test
	void h2HasSkipLocked_shouldBeTrueFrom2_2_220() {
		assertThat(DatabaseCapabilities.h2HasSkipLocked("1.4.200 (2019-10-14)")).isFalse();
		assertThat(DatabaseCapabilities.h2HasSkipLocked("1.4.199 (2019-03-13)")).isFalse();
		assertThat(DatabaseCapabilities.h2HasSkipLocked("2.1.214 (2022-06-13)")).isFalse();
		assertThat(DatabaseCapabilities.h2HasSkipLocked("2.2.220 (2023-07-04)")).isTrue();
		assertThat(DatabaseCapabilities.h2HasSkipLocked("2.2.224 (2023-09-17)")).isTrue();
		assertThat(DatabaseCapabilities.h2HasSkipLocked("2.3.232 (2024-08-11)")).isTrue();
		assertThat(DatabaseCapabilities.h2HasSkipLocked("3.0.1")).isTrue();
		assertThat(DatabaseCapabilities.h2HasSkipLocked("unknown")).isFalse();
		assertThat(DatabaseCapabilities.h2HasSkipLocked(null)).isFalse();
	}

	@Test
	void of_shouldTellH2_1_4_200ApartFromH2_2() throws Exception {
		try (TestDatabase v1 = TestDatabase.create(TestDatabase.Kind.H2_1_4, 2);
		        TestDatabase v2 = TestDatabase.create(TestDatabase.Kind.H2, 2)) {
			try (Connection c = v1.getConnection()) {
				assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("1.4.200");
				DatabaseCapabilities caps = DatabaseCapabilities.of(c);
				assertThat(caps.dialect()).isEqualTo(SqlDialect.H2);
				assertThat(caps.skipLocked()).isFalse();
				assertThat(DeliveryClaimer.forDatabase(caps)).isInstanceOf(OptimisticClaimer.class);
				// what the engine must not send there
				assertThatThrownBy(() -> lockSkippingLocked(c)).isInstanceOf(SQLException.class);
			}
			try (Connection c = v2.getConnection()) {
				assertThat(c.getMetaData().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(2);
				DatabaseCapabilities caps = DatabaseCapabilities.of(c);
				assertThat(caps.dialect()).isEqualTo(SqlDialect.H2);
				assertThat(caps.skipLocked()).isTrue();
				assertThat(DeliveryClaimer.forDatabase(caps)).isInstanceOf(SkipLockedClaimer.class);
				lockSkippingLocked(c);
			}
		}
	}

	private static void lockSkippingLocked(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS skip_locked_probe (id INT PRIMARY KEY)");
			s.executeQuery("SELECT id FROM skip_locked_probe ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED").close();
		}
	}
}
