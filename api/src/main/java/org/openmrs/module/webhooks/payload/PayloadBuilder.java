package org.openmrs.module.webhooks.payload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.EventTypes;
import org.openmrs.module.webhooks.model.Target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Builds the request body of a notification (PRODUCT §3): one event's envelope, or a batch of them, as UTF-8
 * JSON with a stable field order and no nulls of its own. Thread-safe.
 *
 * <pre>
 * {"id", "type", "timestamp",
 *  "data": {"resource", "uuid", "action", "patient": {"uuid"}, "links": {"rest", "fhir"},
 *           "encounter": {"uuid"}, "visit": {"uuid"}, "previousVersion": {"uuid"},
 *           "preferred": {"uuid"}, "nonPreferred": {"uuid"}, "representation"},
 *  "source": {"instance", "module"}}
 * </pre>
 *
 * Each member of {@code data} after {@code action} is there only when the event has it.
 */
public final class PayloadBuilder {

	static final String TEST_MESSAGE = "Test event from OpenMRS Webhooks: the target is reachable.";

	// Event attributes (uuids) that name related resources, and the data member each becomes.
	private static final String[][] RELATED = { { "encounter", "encounter" }, { "visit", "visit" },
	        { "previousVersion", "previousVersion" }, { "preferredPatient", "preferred" },
	        { "nonPreferredPatient", "nonPreferred" } };

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
	        .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

	private final Supplier<String> instanceName;

	private final Supplier<String> moduleVersion;

	private final RepresentationProvider representations;

	private final ObjectWriter writer = new ObjectMapper().writer();

	/**
	 * @param instanceName read on every build, so that a changed global property applies at once; its value may
	 *            be {@code null} (then {@code source.instance} is left out)
	 * @param moduleVersion read on every build; {@code source.module} is {@code webhooks/<version>}
	 * @param representations asked only for targets that want a representation
	 */
	public PayloadBuilder(Supplier<String> instanceName, Supplier<String> moduleVersion,
	    RepresentationProvider representations) {
		if (instanceName == null || moduleVersion == null || representations == null) {
			throw new IllegalArgumentException("instanceName, moduleVersion and representations are required");
		}
		this.instanceName = instanceName;
		this.moduleVersion = moduleVersion;
		this.representations = representations;
	}

	/**
	 * The body for one event.
	 *
	 * @param representation {@code ref}, {@code default} or {@code full} to add {@code data.representation};
	 *            {@code none} or {@code null} for the thin payload
	 * @throws RuntimeException whatever the {@link RepresentationProvider} throws
	 */
	public byte[] build(Event event, String representation) {
		return write(envelope(event, representation, source()), event.toString());
	}

	/**
	 * The body for several events in one request: {@code {"type":"batch","id","timestamp","events":[…]}}.
	 *
	 * @param batchId the batch's id, also its {@code webhook-id}: the same on every retry of the batch
	 * @param timestampMillis when the batch was formed, epoch milliseconds
	 * @param events at least one, in delivery order
	 * @param representation as for {@link #build(Event, String)}, applied to every event
	 */
	public byte[] buildBatch(String batchId, long timestampMillis, List<Event> events, String representation) {
		if (batchId == null || batchId.isEmpty()) {
			throw new IllegalArgumentException("a batch needs an id");
		}
		if (events == null || events.isEmpty()) {
			throw new IllegalArgumentException("a batch needs at least one event");
		}
		Map<String, Object> source = source();
		List<Object> envelopes = new ArrayList<>(events.size());
		for (Event event : events) {
			envelopes.add(envelope(event, representation, source));
		}
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("type", "batch");
		batch.put("id", batchId);
		batch.put("timestamp", formatTimestamp(timestampMillis));
		batch.put("events", envelopes);
		return write(batch, "batch " + batchId);
	}

	/** ISO-8601 in UTC with milliseconds, e.g. {@code 2026-11-27T09:05:01.123Z}. */
	static String formatTimestamp(long epochMillis) {
		return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
	}

	private Map<String, Object> envelope(Event event, String representation, Map<String, Object> source) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		putIfPresent(envelope, "id", event.getUuid());
		putIfPresent(envelope, "type", event.getType());
		envelope.put("timestamp", formatTimestamp(event.getOccurredAt()));
		envelope.put("data", EventTypes.TEST.equals(event.getType()) ? testData(event) : data(event, representation));
		envelope.put("source", source);
		return envelope;
	}

	private Map<String, Object> data(Event event, String representation) {
		Map<String, Object> data = new LinkedHashMap<>();
		putIfPresent(data, "resource", event.getResource());
		putIfPresent(data, "uuid", event.getResourceUuid());
		data.put("action", event.getAction());
		putReference(data, "patient", event.getPatientUuid());
		putIfPresent(data, "links", ResourceLinks.of(event.getResource(), event.getResourceUuid()));
		for (String[] related : RELATED) {
			putReference(data, related[1], event.getAttribute(related[0]));
		}
		if (representation != null && !Target.REPRESENTATION_NONE.equals(representation)) {
			putIfPresent(data, "representation",
			    representations.represent(event.getResource(), event.getResourceUuid(), representation));
		}
		return data;
	}

	/** No patient data, nothing to fetch: a receiver can tell it apart and answer 2xx. */
	private static Map<String, Object> testData(Event event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("resource", "webhooks");
		data.put("action", "test");
		String message = event.getAttribute("message");
		data.put("message", message == null ? TEST_MESSAGE : message);
		return data;
	}

	private Map<String, Object> source() {
		Map<String, Object> source = new LinkedHashMap<>();
		String instance = instanceName.get();
		if (instance != null && !instance.trim().isEmpty()) {
			source.put("instance", instance);
		}
		String version = moduleVersion.get();
		source.put("module", version == null || version.isEmpty() ? "webhooks" : "webhooks/" + version);
		return source;
	}

	private static void putReference(Map<String, Object> map, String key, String uuid) {
		if (uuid != null) {
			Map<String, Object> reference = new LinkedHashMap<>();
			reference.put("uuid", uuid);
			map.put(key, reference);
		}
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private byte[] write(Map<String, Object> body, String what) {
		try {
			return writer.writeValueAsBytes(body);
		}
		catch (JsonProcessingException e) {
			// only a representation that is not a plain tree can get here; the message names ids, never data
			throw new IllegalStateException("The payload of " + what + " cannot be written as JSON", e);
		}
	}
}
