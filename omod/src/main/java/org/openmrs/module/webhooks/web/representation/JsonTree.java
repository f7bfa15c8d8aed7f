package org.openmrs.module.webhooks.web.representation;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST module's representation as a plain tree of Map, List, String, Number, Boolean and null, which is
 * what the payload builder takes. The REST module returns maps holding its own objects (links are Hyperlink
 * beans) and leaves their serialisation to Jackson at the end of a request; this does the same Jackson step now.
 */
final class JsonTree {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private JsonTree() {
	}

	static Object of(Object representation) {
		return representation == null ? null : MAPPER.convertValue(representation, Object.class);
	}
}
