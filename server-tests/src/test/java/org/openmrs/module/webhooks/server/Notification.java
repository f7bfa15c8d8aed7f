package org.openmrs.module.webhooks.server;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.openmrs.module.webhooks.testsupport.Receiver;

/** A received webhook notification: the request and its parsed Standard Webhooks envelope. */
record Notification(Receiver.Request request, JsonNode body) {

	static Notification of(Receiver.Request r) {
		try {
			return new Notification(r, Rest.JSON.readTree(r.bodyBytes()));
		}
		catch (IOException e) {
			throw new AssertionError("a notification that is not JSON arrived at " + r.path(), e);
		}
	}

	static List<Notification> all(List<Receiver.Request> requests) {
		return requests.stream().map(Notification::of).toList();
	}

	String id() {
		return body.path("id").asText(null);
	}

	String type() {
		return body.path("type").asText(null);
	}

	String dataUuid() {
		return body.path("data").path("uuid").asText(null);
	}

	String patientUuid() {
		return body.path("data").path("patient").path("uuid").asText(null);
	}

	String restLink() {
		return body.path("data").path("links").path("rest").asText(null);
	}

	String resource() {
		return body.path("data").path("resource").asText(null);
	}

	boolean about(String patientUuid) {
		return patientUuid.equals(patientUuid());
	}

	@Override
	public String toString() {
		return type() + " " + dataUuid();
	}
}
