package org.openmrs.module.webhooks.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of event types the module raises (PRODUCT §2), as {@code <resource>.<action>} names. Targets
 * subscribe to exact names or to {@code <resource>.*} patterns; anything else is rejected when a target is
 * saved. Adding a resource is one line here plus its entry in the capture table.
 */
public final class EventTypes {

	private static final Map<String, List<String>> ACTIONS_BY_RESOURCE = new LinkedHashMap<>();

	static {
		resource("patient", "created", "updated", "voided", "unvoided", "deleted", "merged");
		resource("encounter", "created", "updated", "voided", "unvoided", "deleted");
		resource("obs", "created", "voided", "unvoided", "deleted");
		resource("visit", "created", "updated", "voided", "unvoided", "deleted");
	}

	/** Sent by "Send test event"; never raised by a data change, and accepted by every target. */
	public static final String TEST = "webhooks.test";

	private EventTypes() {
	}

	private static void resource(String resource, String... actions) {
		List<String> list = new ArrayList<>();
		Collections.addAll(list, actions);
		ACTIONS_BY_RESOURCE.put(resource, Collections.unmodifiableList(list));
	}

	/** The resources, in catalogue order. */
	public static List<String> resources() {
		return Collections.unmodifiableList(new ArrayList<>(ACTIONS_BY_RESOURCE.keySet()));
	}

	/** Every event type, e.g. {@code patient.created}, in catalogue order. */
	public static List<String> all() {
		List<String> all = new ArrayList<>();
		for (Map.Entry<String, List<String>> e : ACTIONS_BY_RESOURCE.entrySet()) {
			for (String action : e.getValue()) {
				all.add(e.getKey() + "." + action);
			}
		}
		return all;
	}

	/** Whether {@code type} is a known event type. */
	public static boolean isKnown(String type) {
		return type != null && all().contains(type);
	}

	/**
	 * Whether {@code filter} is something a target may subscribe to: a known type, {@code <resource>.*} for a
	 * known resource, or {@code *}.
	 */
	public static boolean isValidFilter(String filter) {
		if (filter == null) {
			return false;
		}
		if ("*".equals(filter) || isKnown(filter)) {
			return true;
		}
		return filter.endsWith(".*") && ACTIONS_BY_RESOURCE.containsKey(filter.substring(0, filter.length() - 2));
	}

	/** Whether an event of {@code type} matches the subscription {@code filter} (exact, {@code x.*} or {@code *}). */
	public static boolean matches(String filter, String type) {
		if ("*".equals(filter) || filter.equals(type)) {
			return true;
		}
		return filter.endsWith(".*") && type.startsWith(filter.substring(0, filter.length() - 1));
	}
}
