package org.openmrs.module.webhooks.web.resource;

import java.util.HashMap;
import java.util.Map;

/** Query parameters of a test request. */
final class MapParams implements SearchParams {

	private final Map<String, String> values = new HashMap<>();

	private int startIndex;

	private int limit = 50;

	static MapParams of(String... namesAndValues) {
		MapParams p = new MapParams();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			p.values.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return p;
	}

	MapParams page(int startIndex, int limit) {
		this.startIndex = startIndex;
		this.limit = limit;
		return this;
	}

	@Override
	public String get(String name) {
		return values.get(name);
	}

	@Override
	public int startIndex() {
		return startIndex;
	}

	@Override
	public int limit() {
		return limit;
	}
}
