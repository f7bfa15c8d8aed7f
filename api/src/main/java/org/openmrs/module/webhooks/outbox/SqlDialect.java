package org.openmrs.module.webhooks.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases OpenMRS runs on, as far as the module's SQL differs between them. MySQL and MariaDB share one
 * dialect. Storage classes pick their SQL from this; everything else stays dialect-free.
 */
public enum SqlDialect {
	MYSQL, POSTGRESQL, H2;

	/** The dialect of the database behind {@code connection}; no statement is run. */
	public static SqlDialect of(Connection connection) throws SQLException {
		return fromProductName(connection.getMetaData().getDatabaseProductName());
	}

	/** From a JDBC product name such as {@code MariaDB}, {@code MySQL}, {@code PostgreSQL} or {@code H2}. */
	public static SqlDialect fromProductName(String productName) {
		String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
		if (name.contains("mysql") || name.contains("mariadb")) {
			return MYSQL;
		}
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.contains("h2")) {
			return H2;
		}
		throw new IllegalArgumentException("Unsupported database: " + productName);
	}
}
