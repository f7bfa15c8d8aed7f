package org.openmrs.module.webhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.model.Target;

/** A small thin envelope, enough for the engine's tests (the real one is the payload package's). */
final class JsonPayloads implements PayloadFactory {

	@Override
	public byte[] payload(Event e, Target t) {
		return json(e).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] batch(List<Event> events, Target t) {
		StringBuilder s = new StringBuilder("{\"type\":\"batch\",\"events\":[");
		for (int i = 0; i < events.size(); i++) {
			s.append(i == 0 ? "" : ",").append(json(events.get(i)));
		}
		return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String json(Event e) {
		return "{\"id\":\"" + e.getUuid() + "\",\"type\":\"" + e.getType() + "\",\"seq\":" + e.getId()
		        + ",\"data\":{\"uuid\":\"" + e.getResourceUuid() + "\",\"patient\":"
		        + (e.getPatientUuid() == null ? "null" : "\"" + e.getPatientUuid() + "\"") + "}}";
	}
}
