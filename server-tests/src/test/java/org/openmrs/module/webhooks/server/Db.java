package org.openmrs.module.webhooks.server;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The server's database, read as a user with a SQL client would read it. Never writes. */
final class Db {

	private final ServerConfig config;

	Db(ServerConfig config) {
		this.config = config;
	}

	private Connection connect() throws SQLException {
		Connection c = DriverManager.getConnection(config.dbUrl, config.dbUser, config.dbPassword);
		c.setReadOnly(true);
		return c;
	}

	/** The first column of every row. */
	List<String> strings(String sql, Object... params) throws SQLException {
		try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			List<String> out = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(rs.getString(1));
				}
			}
			return out;
		}
	}

	long count(String sql, Object... params) throws SQLException {
		List<String> v = strings(sql, params);
		return v.isEmpty() || v.get(0) == null ? 0 : Long.parseLong(v.get(0));
	}

	/** The tables of the server's schema (catalog), lower case. */
	List<String> tables() throws SQLException {
		try (Connection c = connect()) {
			DatabaseMetaData md = c.getMetaData();
			List<String> out = new ArrayList<>();
			try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
			return out;
		}
	}
}
