package org.openmrs.module.webhooks.web.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.openmrs.module.webhooks.api.impl.DeliveryServiceImpl;
import org.openmrs.module.webhooks.api.impl.TargetServiceImpl;
import org.openmrs.module.webhooks.delivery.DeliveryEngine;
import org.openmrs.module.webhooks.delivery.DeliveryTestEventSender;
import org.openmrs.module.webhooks.delivery.DeliveryWiring;
import org.openmrs.module.webhooks.delivery.EngineOptions;
import org.openmrs.module.webhooks.delivery.EnvelopePayloads;
import org.openmrs.module.webhooks.delivery.LatchWakeUp;
import org.openmrs.module.webhooks.delivery.RequestFactory;
import org.openmrs.module.webhooks.delivery.StandardWebhooksSigner;
import org.openmrs.module.webhooks.delivery.WebhooksSettings;
import org.openmrs.module.webhooks.delivery.http.EgressPolicy;
import org.openmrs.module.webhooks.delivery.http.HttpTransport;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.outbox.OutboxRow;
import org.openmrs.module.webhooks.outbox.OutboxWriter;
import org.openmrs.module.webhooks.outbox.SqlValue;
import org.openmrs.module.webhooks.signing.SecretGenerator;
import org.openmrs.module.webhooks.target.CachedTargetRegistry;
import org.openmrs.module.webhooks.target.SigningSecrets;
import org.openmrs.module.webhooks.target.TargetStore;
import org.openmrs.module.webhooks.target.TargetValidator;
import org.openmrs.module.webhooks.target.TestSecretCipher;
import org.openmrs.module.webhooks.testdb.TestDatabase;
import org.openmrs.module.webhooks.web.WebhooksServices;

/**
 * The module's real services, wired as moduleApplicationContext.xml wires them, over a fresh H2 database (the
 * module's Liquibase changelog): {@link TargetServiceImpl} with its store, validator, signing secrets and the
 * real test-event sender (the module's HTTP transport, allowed to reach 127.0.0.1 over plain http), and
 * {@link DeliveryServiceImpl}. Events are written with capture's {@link OutboxWriter}; deliveries are made by the
 * real {@link DeliveryEngine}. What needs a running OpenMRS is replaced: the cipher (the api's test cipher), the
 * global properties (fields here), the REST representations (none).
 */
public final class Backend implements AutoCloseable {

	/** Receivers in the tests listen on 127.0.0.1 over plain http. */
	public static final EgressPolicy LOOPBACK = EgressPolicy.parse(true, "127.0.0.1/32", "");

	public final TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2).migrate();

	public final Clock clock = Clock.systemUTC();

	/** The global property webhooks.egress.allowHttp, on so that the receivers' http:// URLs are valid. */
	public final AtomicBoolean allowHttp = new AtomicBoolean(true);

	public final Settings settings = new Settings();

	public final TargetStore store = new TargetStore(db, new TestSecretCipher());

	public final CachedTargetRegistry registry = new CachedTargetRegistry(store, clock, 5000);

	public final LatchWakeUp wakeUp = new LatchWakeUp();

	public final HttpTransport transport = HttpTransport.builder(() -> LOOPBACK, "test").build();

	public final RequestFactory requests = new RequestFactory(
	        new EnvelopePayloads(DeliveryWiring.payloadBuilder(settings, (resource, uuid, rep) -> null)),
	        new StandardWebhooksSigner());

	public final TargetServiceImpl targets = new TargetServiceImpl(store, new TargetValidator(allowHttp::get),
	        new SigningSecrets(new SecretGenerator()), registry, new DeliveryTestEventSender(requests, transport, clock),
	        clock);

	public final DeliveryServiceImpl deliveries = new DeliveryServiceImpl(db, registry, clock, wakeUp);

	private final List<DeliveryEngine> engines = new ArrayList<>();

	public WebhooksServices services() {
		return WebhooksServices.of(targets, deliveries);
	}

	/** Empties the module's tables and puts the settings back, for the next test of a class sharing this backend. */
	public void reset() {
		for (String table : new String[] { "webhooks_attempt", "webhooks_delivery", "webhooks_event", "webhooks_target",
		        "webhooks_counter" }) {
			db.execute("DELETE FROM " + table);
		}
		registry.invalidate();
		allowHttp.set(true);
		settings.deliveryEnabled = true;
		settings.workers = 4;
	}

	/** The stored target with its secrets in clear, as the delivery engine gets it. */
	public Target inClear(String uuid) {
		return store.findByUuid(uuid);
	}

	/** Writes one event as capture does; returns its uuid. */
	public String event(String type, String patientUuid, String resourceUuid, long occurredAt,
	        Map<String, String> attributes) {
		String uuid = UUID.randomUUID().toString();
		Map<String, SqlValue> attrs = new LinkedHashMap<>();
		if (attributes != null) {
			attributes.forEach((k, v) -> attrs.put(k, SqlValue.of(v)));
		}
		OutboxRow row = new OutboxRow(uuid, type, type.substring(0, type.indexOf('.')), SqlValue.of(resourceUuid),
		        patientUuid == null ? null : SqlValue.of(patientUuid), occurredAt, attrs, null);
		try (Connection c = db.getConnection()) {
			c.setAutoCommit(false);
			new OutboxWriter().write(c, db.getDialect(), java.util.Collections.singletonList(row));
			c.commit();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		wakeUp.signal();
		return uuid;
	}

	/** A started delivery engine (stopped by {@link #close()}). */
	public DeliveryEngine engine(EngineOptions options) {
		DeliveryEngine e = new DeliveryEngine(db, registry, transport, requests, settings, wakeUp, clock, new Random(),
		        options.withPollMillis(50));
		engines.add(e);
		e.start();
		return e;
	}

	/** Runs the engine until nothing is pending or awaiting fan-out, then stops it. */
	public void deliverAll() {
		DeliveryEngine e = engine(EngineOptions.defaults().withWorkers(4));
		try {
			await("everything delivered or given up", () -> count("SELECT COUNT(*) FROM webhooks_event WHERE fanout_state = 0")
			        + count("SELECT COUNT(*) FROM webhooks_delivery WHERE status = 'PENDING' OR lease_owner IS NOT NULL") == 0);
		}
		finally {
			e.stop();
			engines.remove(e);
		}
	}

	public long count(String sql, Object... params) {
		try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Every row of the module's tables, for "nothing was written" assertions. */
	public Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : new String[] { "webhooks_target", "webhooks_event", "webhooks_delivery" }) {
			counts.put(table, count("SELECT COUNT(*) FROM " + table));
		}
		counts.put("webhooks_target.date_changed", count("SELECT COALESCE(SUM(date_changed), 0) FROM webhooks_target"));
		return counts;
	}

	public static void await(String what, BooleanSupplier condition) {
		long until = System.currentTimeMillis() + 20_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > until) {
				throw new AssertionError("timed out waiting until " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	@Override
	public void close() {
		for (DeliveryEngine e : engines) {
			e.stop();
		}
		transport.close();
		db.close();
	}

	/** The engine's global properties, as a test sets them. */
	public static final class Settings implements WebhooksSettings {

		public volatile boolean deliveryEnabled = true;

		public volatile int workers = 4;

		@Override
		public boolean deliveryEnabled() {
			return deliveryEnabled;
		}

		@Override
		public int workers() {
			return workers;
		}

		@Override
		public int retentionDays() {
			return 30;
		}

		@Override
		public String instanceName() {
			return "Test Clinic";
		}

		@Override
		public EgressPolicy egressPolicy() {
			return LOOPBACK;
		}
	}
}
