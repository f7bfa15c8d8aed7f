package org.openmrs.module.webhooks.testdb;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.outbox.SqlDialect;

/**
 * A fresh, empty database on a real server for one test class: H2 in memory, or a new database on the MariaDB
 * and PostgreSQL servers that run on our machines and CI (127.0.0.1:3306 root / no password, 127.0.0.1:5432
 * postgres / trust; override with WEBHOOKS_TEST_MARIADB_URL / _USER / _PASSWORD and WEBHOOKS_TEST_POSTGRES_URL
 * / _USER / _PASSWORD, the URL pointing at an existing database used to create the new one). The database is
 * dropped on {@link #close()}.
 *
 * <pre>
 * try (TestDatabase db = TestDatabase.create(Kind.MARIADB)) { db.migrate(); ... db.dataSource() ... }
 * </pre>
 */
public final class TestDatabase implements AutoCloseable, ConnectionSource {

	public enum Kind {
		H2, MARIADB, POSTGRESQL,
		/**
		 * H2 1.4.200, the H2 of OpenMRS core 2.5 to 2.8 and of their test framework, in memory. Its driver is
		 * loaded from {@code h2-1.4.200.jar} in a class loader of its own (the test class path has H2 2.x): the jar
		 * named by the system property {@code webhooks.test.h2v1.jar}, which the api's build copies from Maven
		 * Central.
		 */
		H2_1_4
	}

	/** The system property naming the H2 1.4.200 jar (set by the api's pom for surefire). */
	public static final String H2_1_4_JAR = "webhooks.test.h2v1.jar";

	private static DataSourceFactory h2v1;

	private final Kind kind;

	private final String name;

	private final String adminUrl;

	private final String user;

	private final String password;

	private final HikariDataSource dataSource;

	private TestDatabase(Kind kind, String name, String adminUrl, String url, String user, String password, int poolSize) {
		this.kind = kind;
		this.name = name;
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
		HikariConfig config = new HikariConfig();
		if (kind == Kind.H2_1_4) {
			// not through DriverManager: it would hand the URL to the H2 2.x driver of the class path
			config.setDataSource(h2v1().create(url, user, password));
		} else {
			config.setJdbcUrl(url);
		}
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("test-" + kind.name().toLowerCase(Locale.ROOT));
		this.dataSource = new HikariDataSource(config);
	}

	/** A new empty database with a pool of 10 connections. */
	public static TestDatabase create(Kind kind) {
		return create(kind, 10);
	}

	public static TestDatabase create(Kind kind, int poolSize) {
		String name = "webhooks_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		switch (kind) {
			case H2:
				return new TestDatabase(kind, name, null,
				        "jdbc:h2:mem:" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "", poolSize);
			case H2_1_4:
				// the options of core's test framework
				return new TestDatabase(kind, name, null,
				        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;IGNORECASE=TRUE", "sa", "",
				        poolSize);
			case MARIADB: {
				String admin = env("WEBHOOKS_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
				String user = env("WEBHOOKS_TEST_MARIADB_USER", "root");
				String password = env("WEBHOOKS_TEST_MARIADB_PASSWORD", "");
				execute(admin, user, password, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
				String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
				return new TestDatabase(kind, name, admin, url, user, password, poolSize);
			}
			case POSTGRESQL: {
				String admin = env("WEBHOOKS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
				String user = env("WEBHOOKS_TEST_POSTGRES_USER", "postgres");
				String password = env("WEBHOOKS_TEST_POSTGRES_PASSWORD", "");
				execute(admin, user, password, "CREATE DATABASE " + name);
				String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
				return new TestDatabase(kind, name, admin, url, user, password, poolSize);
			}
			default:
				throw new IllegalArgumentException(kind.name());
		}
	}

	public Kind kind() {
		return kind;
	}

	public DataSource dataSource() {
		return dataSource;
	}

	/** The JDBC URL; {@code null} for {@link Kind#H2_1_4}, which only this JVM's own class loader can open. */
	public String jdbcUrl() {
		return dataSource.getJdbcUrl();
	}

	public String user() {
		return user;
	}

	public String password() {
		return password;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return dataSource.getConnection();
	}

	@Override
	public SqlDialect getDialect() {
		return kind == Kind.H2 || kind == Kind.H2_1_4 ? SqlDialect.H2
		        : kind == Kind.MARIADB ? SqlDialect.MYSQL : SqlDialect.POSTGRESQL;
	}

	/** Runs the module's liquibase.xml (from the api's resources) against this database. */
	public TestDatabase migrate() {
		return migrate("liquibase.xml");
	}

	/** Runs a changelog from the test class path against this database. */
	public TestDatabase migrate(String changelog) {
		try (Connection c = dataSource.getConnection()) {
			Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
			try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database)) {
				liquibase.update("");
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("Liquibase failed on " + kind + ": " + e.getMessage(), e);
		}
		return this;
	}

	/** Runs one SQL statement (DDL, test set-up) with auto-commit. */
	public void execute(String sql) {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		dataSource.close();
		if (adminUrl != null) {
			execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name);
		}
	}

	@Override
	public String toString() {
		return kind.name();
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot reach the test database server at " + url + " (" + e.getMessage()
			        + "). MariaDB and PostgreSQL must run on 127.0.0.1 (see .ci/run), or set WEBHOOKS_TEST_*_URL.", e);
		}
	}

	private static synchronized DataSourceFactory h2v1() {
		if (h2v1 == null) {
			String jar = System.getProperty(H2_1_4_JAR);
			if (jar == null || !new File(jar).isFile()) {
				throw new IllegalStateException("H2 1.4.200 is not at the path of the system property " + H2_1_4_JAR
				        + " (" + jar + "): the api's build copies it there (mvn -pl openmrs-stubs,api test)");
			}
			h2v1 = new DataSourceFactory(new File(jar));
		}
		return h2v1;
	}

	/** H2 1.4.200's JdbcDataSource, from its own class loader (whose parent is the platform's: no H2 2.x in it). */
	private static final class DataSourceFactory {

		private final Class<?> dataSourceClass;

		DataSourceFactory(File jar) {
			try {
				URLClassLoader loader = new URLClassLoader(new URL[] { jar.toURI().toURL() },
				        ClassLoader.getPlatformClassLoader());
				dataSourceClass = Class.forName("org.h2.jdbcx.JdbcDataSource", true, loader);
			}
			catch (Exception e) {
				throw new IllegalStateException("Cannot load H2 1.4.200 from " + jar, e);
			}
		}

		DataSource create(String url, String user, String password) {
			try {
				DataSource ds = (DataSource) dataSourceClass.getConstructor().newInstance();
				dataSourceClass.getMethod("setURL", String.class).invoke(ds, url);
				dataSourceClass.getMethod("setUser", String.class).invoke(ds, user);
				dataSourceClass.getMethod("setPassword", String.class).invoke(ds, password);
				return ds;
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isEmpty() ? fallback : value;
	}
}
