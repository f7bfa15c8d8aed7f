package org.openmrs.module.webhooks.web.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.model.Attempt;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.web.Iso;
import org.openmrs.module.webhooks.web.Reps;

/** The JSON of a delivery (one event to one target); {@code full} adds its attempt log. */
public final class DeliveryJson {

	static final List<String> REF = list("uuid", "display");

	static final List<String> DEFAULT = list("uuid", "display", "eventUuid", "eventType", "patientUuid", "targetUuid",
	    "targetName", "status", "attempts", "nextAttemptAt", "lastStatusCode", "lastError", "createdAt", "completedAt");

	static final List<String> FULL;

	static {
		List<String> full = new ArrayList<String>(DEFAULT);
		full.add("attemptLog");
		FULL = Collections.unmodifiableList(full);
	}

	private DeliveryJson() {
	}

	public static List<String> properties(String representation) {
		if (Reps.REF.equals(representation)) {
			return REF;
		}
		return Reps.FULL.equals(representation) ? FULL : DEFAULT;
	}

	/** The whole representation without the REST module's links, for responses built outside it. */
	public static Map<String, Object> represent(Delivery delivery, String representation) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		for (String property : properties(representation)) {
			json.put(property, get(delivery, property));
		}
		return json;
	}

	/** @throws IllegalArgumentException for a property the resource does not have */
	public static Object get(Delivery d, String property) {
		switch (property) {
			case "uuid":
				return d.getUuid();
			case "display":
				return d.getEventType() + " to " + d.getTargetName() + ": " + status(d);
			case "eventUuid":
				return d.getEventUuid();
			case "eventType":
				return d.getEventType();
			case "patientUuid":
				return d.getPatientUuid();
			case "targetUuid":
				return d.getTargetUuid();
			case "targetName":
				return d.getTargetName();
			case "status":
				return status(d);
			case "attempts":
				return d.getAttempts();
			case "nextAttemptAt":
				return Iso.format(d.getNextAttemptAt());
			case "lastStatusCode":
				return d.getLastStatusCode();
			case "lastError":
				return d.getLastError();
			case "createdAt":
				return Iso.format(d.getCreatedAt());
			case "completedAt":
				return Iso.format(d.getCompletedAt());
			case "attemptLog":
				return attemptLog(d.getAttemptLog());
			default:
				throw new IllegalArgumentException("webhookdelivery has no property " + property);
		}
	}

	private static String status(Delivery d) {
		return d.getStatus() == null ? null : d.getStatus().restName();
	}

	/** Oldest first, as the service returns them. */
	static List<Map<String, Object>> attemptLog(List<Attempt> attempts) {
		List<Map<String, Object>> json = new ArrayList<Map<String, Object>>();
		for (Attempt a : attempts) {
			Map<String, Object> one = new LinkedHashMap<String, Object>();
			one.put("startedAt", Iso.format(a.getStartedAt()));
			one.put("durationMillis", a.getDurationMillis());
			one.put("statusCode", a.getStatusCode());
			one.put("error", a.getError());
			one.put("responseExcerpt", a.getResponseExcerpt());
			one.put("manual", a.isManual());
			json.add(one);
		}
		return json;
	}

	private static List<String> list(String... names) {
		return Collections.unmodifiableList(Arrays.asList(names));
	}
}
