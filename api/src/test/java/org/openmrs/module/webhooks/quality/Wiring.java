package org.openmrs.module.webhooks.quality;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;

import org.openmrs.module.webhooks.delivery.DeliveryEngine;
import org.openmrs.module.webhooks.delivery.EngineOptions;
import org.openmrs.module.webhooks.delivery.EnvelopePayloads;
import org.openmrs.module.webhooks.delivery.RequestFactory;
import org.openmrs.module.webhooks.delivery.StandardWebhooksSigner;
import org.openmrs.module.webhooks.delivery.Transport;
import org.openmrs.module.webhooks.delivery.WakeUp;
import org.openmrs.module.webhooks.delivery.WebhooksSettings;
import org.openmrs.module.webhooks.delivery.http.EgressPolicy;
import org.openmrs.module.webhooks.delivery.http.HttpTransport;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.payload.PayloadBuilder;
import org.openmrs.module.webhooks.target.CachedTargetRegistry;
import org.openmrs.module.webhooks.target.TargetStore;
import org.openmrs.module.webhooks.target.TestSecretCipher;

/**
 * The delivery engine assembled from the module's production parts, as moduleApplicationContext.xml does:
 * targets read through {@link TargetStore} and {@link CachedTargetRegistry}, the real envelope
 * ({@link PayloadBuilder}), the Standard Webhooks signer and the pooled {@link HttpTransport}. Only the
 * settings and the secret cipher stand in for OpenMRS (global properties, core's key).
 */
final class Wiring {

	/** Receivers in these tests listen on 127.0.0.1 over plain http. */
	static final EgressPolicy LOOPBACK = EgressPolicy.parse(true, "127.0.0.1/32", "");

	private Wiring() {
	}

	static TargetStore targetStore(ConnectionSource db) {
		return new TargetStore(db, new TestSecretCipher());
	}

	/** Adds an enabled target for every event type, through the module's target storage; returns it with its id. */
	static Target addTarget(ConnectionSource db, String name, String url, String ordering, int timeoutSeconds) {
		Target t = new Target();
		t.setUuid(UUID.randomUUID().toString());
		t.setName(name);
		t.setUrl(url);
		t.getEventTypes().add("*");
		t.setOrdering(ordering);
		t.setTimeoutSeconds(timeoutSeconds);
		t.setDateCreated(System.currentTimeMillis());
		t.setDateChanged(t.getDateCreated());
		t.setId(targetStore(db).insert(t));
		return t;
	}

	static HttpTransport transport() {
		return HttpTransport.builder(() -> LOOPBACK, "quality").maxConnections(64, 32).build();
	}

	static RequestFactory requests() {
		PayloadBuilder payloads = new PayloadBuilder(() -> "Quality Clinic", () -> "1.0.0-quality",
		        (resource, uuid, representation) -> null);
		return new RequestFactory(new EnvelopePayloads(payloads), new StandardWebhooksSigner());
	}

	static DeliveryEngine engine(ConnectionSource db, Transport transport, WakeUp wakeUp, Clock clock, Random random,
	        EngineOptions options) {
		CachedTargetRegistry registry = new CachedTargetRegistry(targetStore(db), clock, 1_000);
		return new DeliveryEngine(db, registry, transport, requests(), new Settings(), wakeUp, clock, random, options);
	}

	/** Global properties at their defaults, egress opened to the loopback receivers. */
	static final class Settings implements WebhooksSettings {

		@Override
		public boolean deliveryEnabled() {
			return true;
		}

		@Override
		public int workers() {
			return 4;
		}

		@Override
		public int retentionDays() {
			return 30;
		}

		@Override
		public String instanceName() {
			return "Quality Clinic";
		}

		@Override
		public EgressPolicy egressPolicy() {
			return LOOPBACK;
		}
	}
}
