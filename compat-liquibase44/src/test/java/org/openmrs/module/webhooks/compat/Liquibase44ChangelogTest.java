package org.openmrs.module.webhooks.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module's liquibase.xml under Liquibase 4.4.3, which core 2.5 and 2.6 run on every module start: it
 * applies on a new database and applies again as a no-op, on H2, MariaDB and PostgreSQL.
 */
class Liquibase44ChangelogTest {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "mariadb", "postgresql" })
	void changelog_shouldApplyAndReapplyUnderLiquibase443(String kind) throws Exception {
		String name = "webhooks_l44_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String url = create(kind, name);
		try {
			try (Connection c = DriverManager.getConnection(url, user(kind), "")) {
				update(c);
				update(c);
				assertThat(tables(c)).contains("webhooks_event", "webhooks_target", "webhooks_delivery",
				    "webhooks_attempt", "webhooks_counter");
				assertThat(LiquibaseVersion.of()).startsWith("4.4.");
			}
		}
		finally {
			drop(kind, name);
		}
	}

	private static void update(Connection c) throws Exception {
		Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
		Liquibase liquibase = new Liquibase("liquibase.xml", new ClassLoaderResourceAccessor(), database);
		liquibase.update("");
	}

	private static List<String> tables(Connection c) throws Exception {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	private static String user(String kind) {
		return kind.equals("mariadb") ? env("WEBHOOKS_TEST_MARIADB_USER", "root")
		        : kind.equals("postgresql") ? env("WEBHOOKS_TEST_POSTGRES_USER", "postgres") : "sa";
	}

	private static String adminUrl(String kind) {
		return kind.equals("mariadb") ? env("WEBHOOKS_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test")
		        : env("WEBHOOKS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	private static String create(String kind, String name) throws Exception {
		if (kind.equals("h2")) {
			return "jdbc:h2:mem:" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
		}
		String admin = adminUrl(kind);
		try (Connection c = DriverManager.getConnection(admin, user(kind), ""); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
	}

	private static void drop(String kind, String name) throws Exception {
		if (kind.equals("h2")) {
			return;
		}
		try (Connection c = DriverManager.getConnection(adminUrl(kind), user(kind), "");
		        Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + name);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isEmpty() ? fallback : value;
	}

	/** The Liquibase actually on the class path, so the test cannot silently run a newer one. */
	static final class LiquibaseVersion {

		static String of() {
			String v = Liquibase.class.getPackage().getImplementationVersion();
			return v == null ? liquibase.util.LiquibaseUtil.getBuildVersion() : v;
		}
	}
}
