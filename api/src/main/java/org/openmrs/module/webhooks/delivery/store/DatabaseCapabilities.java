package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openmrs.module.webhooks.outbox.SqlDialect;

/** What the connected server can do that the queue cares about: its dialect and whether it has SKIP LOCKED. */
public final class DatabaseCapabilities {

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

	private static final Pattern H2_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

	private final SqlDialect dialect;

	private final boolean skipLocked;

	public DatabaseCapabilities(SqlDialect dialect, boolean skipLocked) {
		this.dialect = dialect;
		this.skipLocked = skipLocked;
	}

	public static DatabaseCapabilities of(Connection c) throws SQLException {
		DatabaseMetaData meta = c.getMetaData();
		SqlDialect dialect = SqlDialect.of(c);
		if (dialect == SqlDialect.MYSQL) {
			return new DatabaseCapabilities(dialect, mysqlHasSkipLocked(meta.getDatabaseProductName(),
			    meta.getDatabaseProductVersion()));
		}
		if (dialect == SqlDialect.H2) {
			return new DatabaseCapabilities(dialect, h2HasSkipLocked(meta.getDatabaseProductVersion()));
		}
		// PostgreSQL: since 9.5 (OpenMRS needs 12+)
		return new DatabaseCapabilities(dialect, true);
	}

	/**
	 * MariaDB 10.6+ and MySQL 8.0.1+ have SKIP LOCKED. A MySQL driver talking to MariaDB reports a version such
	 * as {@code 5.5.5-10.11.6-MariaDB}: the MariaDB part decides.
	 */
	static boolean mysqlHasSkipLocked(String productName, String version) {
		String v = version == null ? "" : version;
		boolean mariadb = v.toLowerCase(Locale.ROOT).contains("mariadb")
		        || (productName != null && productName.toLowerCase(Locale.ROOT).contains("mariadb"));
		if (v.startsWith("5.5.5-")) {
			v = v.substring("5.5.5-".length());
		}
		Matcher m = VERSION.matcher(v);
		if (!m.find()) {
			return false;
		}
		int major = Integer.parseInt(m.group(1));
		int minor = Integer.parseInt(m.group(2));
		if (mariadb) {
			return major > 10 || (major == 10 && minor >= 6);
		}
		return major >= 8;
	}

	/**
	 * H2 has SKIP LOCKED from 2.2.220 on. The H2 of OpenMRS core 2.5 to 2.8 (and of their test framework) is
	 * 1.4.200, which refuses the clause. The version reads {@code 1.4.200 (2019-10-14)}, {@code 2.2.224 (2023-09-17)}.
	 */
	static boolean h2HasSkipLocked(String version) {
		Matcher m = H2_VERSION.matcher(version == null ? "" : version);
		if (!m.find()) {
			return false;
		}
		int major = Integer.parseInt(m.group(1));
		int minor = Integer.parseInt(m.group(2));
		int build = Integer.parseInt(m.group(3));
		return major > 2 || (major == 2 && (minor > 2 || (minor == 2 && build >= 220)));
	}

	public SqlDialect dialect() {
		return dialect;
	}

	public boolean skipLocked() {
		return skipLocked;
	}

	@Override
	public String toString() {
		return dialect + (skipLocked ? " with SKIP LOCKED" : " without SKIP LOCKED");
	}
}
