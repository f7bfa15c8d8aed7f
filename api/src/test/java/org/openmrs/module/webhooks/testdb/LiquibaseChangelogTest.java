package org.openmrs.module.webhooks.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The module's liquibase.xml runs, twice (as on every module start), on every database we support. */
class LiquibaseChangelogTest {

	@ParameterizedTest
	@EnumSource(TestDatabase.Kind.class)
	void liquibase_shouldCreateTheTablesAndBeRerunnable(TestDatabase.Kind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind)) {
			db.migrate();
			db.migrate();

			List<String> tables = new ArrayList<>();
			try (Connection c = db.getConnection();
			        ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
			assertThat(tables).contains("webhooks_event", "webhooks_target", "webhooks_delivery", "webhooks_attempt",
			    "webhooks_counter");
		}
	}
}
