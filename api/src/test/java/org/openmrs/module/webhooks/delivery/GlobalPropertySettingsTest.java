package org.openmrs.module.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.ModuleSessions;
import org.openmrs.module.webhooks.ModuleThreads;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts.UserContext;
import org.openmrs.module.webhooks.testsupport.SettableClock;

/**
 * Where and how the settings are read (bug 2 of issue 9: a read on an upload request replaced and then removed the
 * request's user context), their cache, and what a failed read leaves.
 */
class GlobalPropertySettingsTest {

	private final FakeUserContexts contexts = new FakeUserContexts();

	private final SettableClock clock = new SettableClock(1_000_000);

	private final Map<String, String> globalProperties = new ConcurrentHashMap<>();

	/** The thread each read ran on, and whether it had a user context holding "Get Global Properties". */
	private final List<String> reads = new CopyOnWriteArrayList<>();

	private volatile RuntimeException failure;

	private final Function<String, String> core = name -> {
		UserContext c = contexts.current();
		reads.add(Thread.currentThread().getName() + (c != null && c.proxies.contains("Get Global Properties")
		        ? " with the privilege" : " without"));
		if (failure != null) {
			throw failure;
		}
		return globalProperties.get(name);
	};

	private final GlobalPropertySettings settings = new GlobalPropertySettings(clock, new ModuleSessions(contexts, 5_000),
	        core);

	@AfterEach
	void clear() {
		contexts.clear();
	}

	@Test
	void read_onARequestThread_shouldRunOnAModuleThread_andLeaveTheRequestsUserContextAsItWas() {
		UserContext admin = contexts.logIn("admin");
		globalProperties.put(WebhooksConstants.GP_INSTANCE_NAME, " clinic-7 ");

		assertThat(settings.instanceName()).isEqualTo("clinic-7");

		assertThat(contexts.current()).isSameAs(admin);
		assertThat(admin.proxies).isEmpty();
		assertThat(contexts.callsOn(Thread.currentThread())).isEmpty();
		assertThat(reads).hasSize(GlobalPropertySettings.NAMES.size())
		        .allMatch(r -> r.equals("webhooks-settings-read with the privilege"));
	}

	@Test
	void read_onAModuleThread_shouldRunThereInASessionOfItsOwn() throws Exception {
		globalProperties.put(WebhooksConstants.GP_DELIVERY_WORKERS, "7");
		AtomicReference<Integer> workers = new AtomicReference<>();
		Thread t = ModuleThreads.newThread(() -> workers.set(settings.workers()), "webhooks-start");
		t.start();
		t.join(5_000);

		assertThat(workers.get()).isEqualTo(7);
		assertThat(reads).allMatch(r -> r.equals("webhooks-start with the privilege"));
		assertThat(contexts.callsOn(t)).startsWith("webhooks-start: isSessionOpen", "webhooks-start: openSession")
		        .endsWith("webhooks-start: closeSession");
	}

	@Test
	void values_shouldBeCachedFiveSeconds_unlessInvalidated() {
		globalProperties.put(WebhooksConstants.GP_DELIVERY_ENABLED, "false");
		assertThat(settings.deliveryEnabled()).isFalse();
		globalProperties.put(WebhooksConstants.GP_DELIVERY_ENABLED, "true");

		assertThat(settings.deliveryEnabled()).as("cached").isFalse();
		settings.invalidate();
		assertThat(settings.deliveryEnabled()).isTrue();
		globalProperties.put(WebhooksConstants.GP_DELIVERY_ENABLED, "false");
		clock.advance(Duration.ofMillis(GlobalPropertySettings.CACHE_MILLIS));
		assertThat(settings.deliveryEnabled()).as("expired").isFalse();
		assertThat(reads).hasSize(3 * GlobalPropertySettings.NAMES.size());
	}

	@Test
	void aFailedRead_shouldKeepTheValuesReadBefore_orTheDefaults() {
		failure = new IllegalStateException("database down");
		assertThat(settings.workers()).isEqualTo(4);
		assertThat(settings.deliveryEnabled()).isTrue();

		failure = null;
		globalProperties.put(WebhooksConstants.GP_DELIVERY_WORKERS, "9");
		globalProperties.put(WebhooksConstants.GP_DELIVERY_ENABLED, "false");
		settings.invalidate();
		assertThat(settings.workers()).isEqualTo(9);

		failure = new IllegalStateException("database down");
		settings.invalidate();
		assertThat(settings.workers()).isEqualTo(9);
		assertThat(settings.deliveryEnabled()).isFalse();
	}

	@Test
	void values_shouldBeParsedAndBounded() {
		globalProperties.put(WebhooksConstants.GP_DELIVERY_WORKERS, "500");
		globalProperties.put(WebhooksConstants.GP_RETENTION_DAYS, "x");
		globalProperties.put(WebhooksConstants.GP_EGRESS_DENIED_CIDRS, "10.0.0.0/33");

		assertThat(settings.workers()).isEqualTo(64);
		assertThat(settings.retentionDays()).isEqualTo(30);
		assertThatThrownBy(settings::egressPolicy).isInstanceOf(IllegalArgumentException.class);
	}
}
