package org.openmrs.module.webhooks.realcore.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.openmrs.api.context.Context;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the module's outbox ({@code webhooks_event}) the way another process would: on a connection of its own to
 * core's in-memory test database, so it sees committed rows only.
 */
public final class Outbox {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Outbox() {
	}

	/** One row of webhooks_event. */
	public static final class Row {

		public final long id;

		public final String uuid;

		public final String type;

		public final String resource;

		public final String resourceUuid;

		public final String patientUuid;

		public final long occurredAt;

		public final Map<String, String> attributes;

		Row(ResultSet rs) throws SQLException {
			id = rs.getLong("event_id");
			uuid = rs.getString("uuid");
			type = rs.getString("event_type");
			resource = rs.getString("resource");
			resourceUuid = rs.getString("resource_uuid");
			patientUuid = rs.getString("patient_uuid");
			occurredAt = rs.getLong("occurred_at");
			attributes = parse(rs.getString("attributes"));
		}

		@Override
		public String toString() {
			return type + " " + resourceUuid + " patient=" + patientUuid + " " + attributes;
		}
	}

	/** A connection of its own to the database core's session factory uses (committed data only). */
	public static Connection outsideConnection() throws SQLException {
		Properties p = Context.getRuntimeProperties();
		String url = p.getProperty("connection.url", p.getProperty("hibernate.connection.url"));
		String user = p.getProperty("connection.username", p.getProperty("hibernate.connection.username"));
		String password = p.getProperty("connection.password", p.getProperty("hibernate.connection.password"));
		return DriverManager.getConnection(url, user, password);
	}

	/** The highest event id so far: a test reads only what it caused, whatever other tests committed before. */
	public static long mark() {
		try (Connection c = outsideConnection();
		        PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(event_id), 0) FROM webhooks_event");
		        ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Committed rows after {@code mark}, in insert order. */
	public static List<Row> since(long mark) {
		try (Connection c = outsideConnection()) {
			return since(c, mark);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Rows after {@code mark} as {@code c} sees them. */
	public static List<Row> since(Connection c, long mark) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT * FROM webhooks_event WHERE event_id > ? ORDER BY event_id")) {
			ps.setLong(1, mark);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					rows.add(new Row(rs));
				}
			}
		}
		return rows;
	}

	/** "type resourceUuid" of each row, for compact assertions. */
	public static List<String> typesAndUuids(List<Row> rows) {
		return rows.stream().map(r -> r.type + " " + r.resourceUuid).collect(Collectors.toList());
	}

	/** The event types of the rows, in order. */
	public static List<String> types(List<Row> rows) {
		return rows.stream().map(r -> r.type).collect(Collectors.toList());
	}

	/** Counts rows of a table with a column equal to a value, on an outside connection. */
	public static int count(String table, String column, Object value) {
		try (Connection c = outsideConnection()) {
			return count(c, table, column, value);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	public static int count(Connection c, String table, String column, Object value) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
			ps.setObject(1, value);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/** One text (or CLOB) column of the row of {@code table} whose {@code keyColumn} is {@code key}. */
	public static String text(String table, String column, String keyColumn, Object key) {
		try (Connection c = outsideConnection();
		        PreparedStatement ps = c.prepareStatement(
		            "SELECT " + column + " FROM " + table + " WHERE " + keyColumn + " = ?")) {
			ps.setObject(1, key);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no row in " + table + " with " + keyColumn + " = " + key);
				}
				return rs.getString(1);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Rows in a table. */
	public static long countAll(String table) {
		try (Connection c = outsideConnection();
		        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
		        ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, String> parse(String json) {
		if (json == null) {
			return Collections.emptyMap();
		}
		try {
			return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
		}
		catch (IOException e) {
			throw new IllegalStateException("webhooks_event.attributes is not a JSON object of strings", e);
		}
	}
}
