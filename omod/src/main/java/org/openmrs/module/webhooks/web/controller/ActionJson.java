package org.openmrs.module.webhooks.web.controller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.webhooks.api.DeliveryStats;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.model.EventTypes;
import org.openmrs.module.webhooks.web.Iso;

/** The JSON of the actions' answers: test result, stats, the event-type catalogue. */
final class ActionJson {

	private ActionJson() {
	}

	static Map<String, Object> testResult(TestResult r) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		json.put("success", r.isSuccess());
		json.put("statusCode", r.getStatusCode());
		json.put("durationMillis", r.getDurationMillis());
		json.put("error", r.getError());
		json.put("responseExcerpt", r.getResponseExcerpt());
		return json;
	}

	static Map<String, Object> count(int count) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		json.put("count", count);
		return json;
	}

	/** {@code -1} ("no attempt in the window") becomes {@code null}. */
	static Map<String, Object> stats(DeliveryStats s) {
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		json.put("queueDepth", s.getQueueDepth());
		json.put("oldestPendingAgeMillis", s.getOldestPendingAgeMillis());
		json.put("eventsAwaitingFanOut", s.getEventsAwaitingFanOut());
		json.put("delivered", s.getDelivered());
		json.put("failed", s.getFailed());
		json.put("dead", s.getDead());
		json.put("captureFailures", s.getCaptureFailures());
		List<Map<String, Object>> targets = new ArrayList<Map<String, Object>>();
		for (DeliveryStats.TargetStats t : s.getTargets()) {
			Map<String, Object> one = new LinkedHashMap<String, Object>();
			one.put("targetUuid", t.getTargetUuid());
			one.put("targetName", t.getTargetName());
			one.put("pending", t.getPending());
			one.put("delivered", t.getDelivered());
			one.put("failed", t.getFailed());
			one.put("dead", t.getDead());
			one.put("successRate", t.getSuccessRate() < 0 ? null : t.getSuccessRate());
			one.put("latencyP50Millis", t.getLatencyP50Millis() < 0 ? null : t.getLatencyP50Millis());
			one.put("latencyP95Millis", t.getLatencyP95Millis() < 0 ? null : t.getLatencyP95Millis());
			targets.add(one);
		}
		json.put("targets", targets);
		List<Map<String, Object>> hours = new ArrayList<Map<String, Object>>();
		for (DeliveryStats.HourBucket h : s.getLastDay()) {
			Map<String, Object> one = new LinkedHashMap<String, Object>();
			one.put("hour", Iso.format(h.getHour()));
			one.put("delivered", h.getDelivered());
			one.put("failedAttempts", h.getFailedAttempts());
			hours.add(one);
		}
		json.put("lastDay", hours);
		return json;
	}

	/** In the REST module's list shape ({@code results}), catalogue order. */
	static Map<String, Object> eventTypes() {
		List<Map<String, Object>> results = new ArrayList<Map<String, Object>>();
		for (String name : EventTypes.all()) {
			int dot = name.indexOf('.');
			Map<String, Object> one = new LinkedHashMap<String, Object>();
			one.put("name", name);
			one.put("resource", name.substring(0, dot));
			one.put("action", name.substring(dot + 1));
			results.add(one);
		}
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		json.put("results", results);
		return json;
	}
}
