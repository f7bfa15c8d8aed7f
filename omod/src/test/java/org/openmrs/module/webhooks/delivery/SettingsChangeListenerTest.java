package org.openmrs.module.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.testsupport.Receiver;
import org.openmrs.module.webhooks.web.testing.Backend;

/**
 * Global property changes without a restart: the listener, with the real DeliveryEngine on H2 sending to a real
 * receiver. (The listener is called with a property's name and value, as its globalPropertyChanged passes them on:
 * the api's test mapping of org.openmrs.GlobalProperty may stand in for the stub on this class path.) The engine's sender pool starts one thread per job until it has as many as it was started with, so
 * after a burst of deliveries the live {@code webhooks-sender-*} threads are its worker count.
 */
class SettingsChangeListenerTest {

	private final Backend backend = new Backend();

	private Receiver receiver;

	private final AtomicInteger invalidations = new AtomicInteger();

	private DeliveryEngine engine;

	private SettingsChangeListener listener;

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = Receiver.start();
	}

	@AfterEach
	void close() {
		if (listener != null) {
			listener.stop();
		}
		receiver.close();
		backend.close();
	}

	private void start(int workers) {
		backend.settings.workers = workers;
		// options without a worker count: the engine takes webhooks.delivery.workers from the settings, as in production
		engine = backend.engine(EngineOptions.defaults());
		listener = new SettingsChangeListener(invalidations::incrementAndGet, engine, false);
		listener.start();
	}

	@Test
	void workersChange_shouldRestartTheEngineWithTheNewThreadCount() {
		target();
		start(2);
		burst(20);
		assertThat(senderThreads()).isEqualTo(2);

		backend.settings.workers = 6;
		listener.changed(WebhooksConstants.GP_DELIVERY_WORKERS, "6");

		Backend.await("engine restarted", () -> senderThreads() == 0 && engine.isRunning());
		burst(40);
		assertThat(senderThreads()).isEqualTo(6);
		assertThat(invalidations.get()).isEqualTo(1);
		assertThat(engine.isRunning()).isTrue();
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status <> 'DELIVERED'")).isZero();
	}

	@Test
	void otherWebhooksProperties_shouldDropTheCachedSettingsWithoutRestarting() {
		start(3);
		burst(0);
		String node = engine.nodeId();

		for (String name : Arrays.asList(WebhooksConstants.GP_DELIVERY_ENABLED, WebhooksConstants.GP_RETENTION_DAYS,
		    WebhooksConstants.GP_INSTANCE_NAME, WebhooksConstants.GP_EGRESS_ALLOW_HTTP,
		    WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS, WebhooksConstants.GP_EGRESS_DENIED_CIDRS)) {
			assertThat(listener.supportsPropertyName(name)).as(name).isTrue();
			listener.changed(name, "10.0.0.0/8");
		}
		listener.globalPropertyDeleted(WebhooksConstants.GP_INSTANCE_NAME);

		assertThat(invalidations.get()).isEqualTo(7);
		assertThat(listener.supportsPropertyName("locale.allowed.list")).isFalse();
		assertThat(listener.supportsPropertyName(null)).isFalse();
		assertThat(engine.isRunning()).isTrue();
		assertThat(engine.nodeId()).isEqualTo(node);
	}

	@Test
	void aStoppedEngine_shouldNotBeStartedByAChange() {
		start(2);
		engine.stop();

		listener.changed(WebhooksConstants.GP_DELIVERY_WORKERS, "8");
		listener.stop();

		assertThat(engine.isRunning()).isFalse();
		assertThat(senderThreads()).isZero();
	}

	@Test
	void invalidValues_shouldBeLoggedNamingTheProperty() {
		List<String> logged = new ArrayList<>();
		java.io.PrintStream err = System.err;
		java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
		System.setErr(new java.io.PrintStream(captured, true));
		try {
			SettingsChangeListener.check(WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS, "10.0.0.0/8, 300.1.2.3/40");
			SettingsChangeListener.check(WebhooksConstants.GP_EGRESS_DENIED_CIDRS, "not-a-cidr");
			SettingsChangeListener.check(WebhooksConstants.GP_DELIVERY_WORKERS, "lots");
			SettingsChangeListener.check(WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS, "10.0.0.0/8, 192.168.1.7/32");
			SettingsChangeListener.check(WebhooksConstants.GP_DELIVERY_WORKERS, "8");
		}
		finally {
			System.setErr(err);
		}
		for (String line : captured.toString().split("\n")) {
			if (line.contains("ERROR")) {
				logged.add(line);
			}
		}
		assertThat(logged).hasSize(3);
		assertThat(logged.get(0)).contains("webhooks.egress.allowedCidrs").contains("every delivery is refused");
		assertThat(logged.get(1)).contains("webhooks.egress.deniedCidrs");
		assertThat(logged.get(2)).contains("webhooks.delivery.workers").contains("1 to 64");
	}

	private void target() {
		Target t = new Target();
		t.setName("many at once");
		t.setUrl(receiver.url("/hook"));
		t.setEventTypes(Arrays.asList("*"));
		t.setOrdering(Target.ORDERING_NONE);
		t.setMaxConcurrency(64);
		backend.targets.saveTarget(t);
	}

	/** {@code n} events, each to its own patient, all delivered. */
	private void burst(int n) {
		long before = backend.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = 'DELIVERED'");
		for (int i = 0; i < n; i++) {
			backend.event("patient.created", "P" + i, "P" + i, backend.clock.millis(), null);
		}
		Backend.await(n + " delivered",
		    () -> backend.count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = 'DELIVERED'") == before + n);
	}

	private static long senderThreads() {
		return Thread.getAllStackTraces().keySet().stream()
		        .filter(t -> t.isAlive() && t.getName().startsWith("webhooks-sender-")).count();
	}
}
