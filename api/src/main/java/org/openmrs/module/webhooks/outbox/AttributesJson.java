package org.openmrs.module.webhooks.outbox;

import java.util.Map;

/** The flat JSON object of the {@code attributes} column, written without a JSON library on the save path. */
final class AttributesJson {

	private AttributesJson() {
	}

	static String write(Map<String, SqlValue> attributes) {
		StringBuilder json = new StringBuilder(16 + attributes.size() * 56).append('{');
		boolean first = true;
		for (Map.Entry<String, SqlValue> e : attributes.entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			string(json, e.getKey());
			json.append(':');
			String value = e.getValue().value();
			if (value == null) {
				json.append("null");
			} else {
				string(json, value);
			}
		}
		return json.append('}').toString();
	}

	static void string(StringBuilder json, String s) {
		json.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			} else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			} else {
				json.append(c);
			}
		}
		json.append('"');
	}
}
