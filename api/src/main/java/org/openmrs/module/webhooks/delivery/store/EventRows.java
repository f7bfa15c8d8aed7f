package org.openmrs.module.webhooks.delivery.store;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openmrs.module.webhooks.model.Event;

/** Reads {@code webhooks_event} rows; the columns are {@link #COLUMNS} with the alias {@code e}. */
final class EventRows {

	static final String COLUMNS = "e.event_id, e.uuid, e.event_type, e.resource, e.resource_uuid, e.patient_uuid, "
	        + "e.occurred_at, e.attributes";

	private static final ObjectMapper JSON = new ObjectMapper();

	private EventRows() {
	}

	/** Reads the event whose {@link #COLUMNS} start at column {@code first}. */
	static Event read(ResultSet rs, int first) throws SQLException {
		return new Event(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
		        rs.getString(first + 4), rs.getString(first + 5), rs.getLong(first + 6), attributes(rs.getString(first + 7)));
	}

	/** The attributes JSON object; values are uuids (strings). A malformed column yields no attributes. */
	static Map<String, String> attributes(String json) {
		if (json == null || json.isEmpty()) {
			return Collections.emptyMap();
		}
		try {
			JsonNode node = JSON.readTree(json);
			Map<String, String> map = new LinkedHashMap<>();
			java.util.Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> f = fields.next();
				if (!f.getValue().isNull()) {
					map.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
				}
			}
			return map;
		}
		catch (IOException e) {
			return Collections.emptyMap();
		}
	}
}
