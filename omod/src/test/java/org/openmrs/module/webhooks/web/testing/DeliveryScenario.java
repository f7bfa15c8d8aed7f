package org.openmrs.module.webhooks.web.testing;

import java.util.Arrays;
import java.util.Collections;

import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.testsupport.Receiver;

/**
 * A delivery log made the way production makes it: three targets saved through the real TargetService, four
 * events written with capture's OutboxWriter, and the real DeliveryEngine sending them to a {@link Receiver} on
 * 127.0.0.1 (answering by path, {@link Receiver#statusByPath}) until nothing is pending.
 * <ul>
 * <li>{@code ok} (every event, receiver answers 200): 4 deliveries, delivered;</li>
 * <li>{@code refused} (encounter.*, receiver answers 400): 2 deliveries, failed (a permanent failure);</li>
 * <li>{@code broken} (obs.*, receiver answers 500, one attempt allowed): 1 delivery, dead.</li>
 * </ul>
 * Events: patient.created (P1, at {@link #T1}), encounter.created (P1, T2, encounter type ET1), obs.created (P2, T3),
 * encounter.updated (P2, T4).
 */
public final class DeliveryScenario {

	public static final long T1 = 1_790_000_000_000L;

	public static final long T2 = T1 + 60_000;

	public static final long T3 = T1 + 120_000;

	public static final long T4 = T1 + 180_000;

	public final String ok;

	public final String refused;

	public final String broken;

	public final String patientCreated;

	public final String encounterCreated;

	public final String obsCreated;

	public final String encounterUpdated;

	public final String encounterUuid = "enc-1111";

	public DeliveryScenario(Backend backend, Receiver receiver) {
		receiver.respond(Receiver::statusByPath);
		ok = target(backend, "ok", receiver.url("/hook"), 8, "*");
		refused = target(backend, "refused", receiver.url("/status/400/hook"), 8, "encounter.*");
		broken = target(backend, "broken", receiver.url("/status/500/hook"), 1, "obs.*");
		patientCreated = backend.event("patient.created", "P1", "P1", T1, null);
		encounterCreated = backend.event("encounter.created", "P1", encounterUuid, T2,
		    Collections.singletonMap("encounterType", "ET1"));
		obsCreated = backend.event("obs.created", "P2", "obs-1", T3, Collections.singletonMap("concept", "C1"));
		encounterUpdated = backend.event("encounter.updated", "P2", "enc-2222", T4,
		    Collections.singletonMap("encounterType", "ET2"));
		backend.deliverAll();
	}

	private static String target(Backend backend, String name, String url, int maxAttempts, String eventType) {
		Target t = new Target();
		t.setName(name);
		t.setUrl(url);
		t.setEventTypes(Arrays.asList(eventType));
		t.setMaxAttempts(maxAttempts);
		t.setTimeoutSeconds(5);
		return backend.targets.saveTarget(t).getTarget().getUuid();
	}
}
