package org.openmrs.module.webhooks.delivery;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.ModuleSessions;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.delivery.http.EgressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's settings from OpenMRS global properties, re-read at most every few seconds.
 *
 * <p>Read through {@link ModuleSessions}: on a thread of the module's own (delivery, fan-out, engine start) in that
 * thread's session, with the proxy privilege "Get Global Properties" (required from core 2.6.11 / 2.7.0 on); on
 * any other thread (a test send on a request thread) on a new module thread that the caller waits for. So a read
 * never changes the user context of a thread the module does not own (bugs 0 and 2 of issue 9: a read that opened
 * and closed a session on core's start-up thread took OpenMRS down; on an upload request it logged the user out).
 *
 * <p>A value that cannot be read keeps the last value read, or falls back to the default of config.xml.
 */
public final class GlobalPropertySettings implements WebhooksSettings {

	private static final Logger log = LoggerFactory.getLogger(GlobalPropertySettings.class);

	/** PrivilegeConstants.GET_GLOBAL_PROPERTIES (a compile-time constant in core). */
	static final String GET_GLOBAL_PROPERTIES = "Get Global Properties";

	static final long CACHE_MILLIS = 5_000;

	static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(WebhooksConstants.GP_DELIVERY_ENABLED,
	    WebhooksConstants.GP_DELIVERY_WORKERS, WebhooksConstants.GP_RETENTION_DAYS, WebhooksConstants.GP_INSTANCE_NAME,
	    WebhooksConstants.GP_EGRESS_ALLOW_HTTP, WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS,
	    WebhooksConstants.GP_EGRESS_DENIED_CIDRS));

	private static final List<String> PRIVILEGES = Collections.singletonList(GET_GLOBAL_PROPERTIES);

	private final Clock clock;

	private final ModuleSessions sessions;

	private final Function<String, String> globalProperties;

	private volatile Snapshot snapshot;

	/** Bumped by {@link #invalidate()}; a snapshot read before the current generation is read again. */
	private final AtomicLong generation = new AtomicLong();

	/** As moduleApplicationContext.xml builds it: over core's {@code Context}. */
	public GlobalPropertySettings(Clock clock) {
		this(clock, ModuleSessions.ofContext(), name -> Context.getAdministrationService().getGlobalProperty(name));
	}

	/**
	 * @param sessions where the reads run
	 * @param globalProperties a global property's value by name, {@code null} when unset; called inside
	 *            {@code sessions}
	 */
	GlobalPropertySettings(Clock clock, ModuleSessions sessions, Function<String, String> globalProperties) {
		this.clock = clock;
		this.sessions = sessions;
		this.globalProperties = globalProperties;
	}

	/**
	 * Makes the next call read the global properties again (a change was committed on this node; see
	 * {@link SettingsChangeListener}). A read already under way when this is called is not trusted either.
	 */
	@Override
	public void invalidate() {
		generation.incrementAndGet();
	}

	@Override
	public boolean deliveryEnabled() {
		return current().deliveryEnabled;
	}

	@Override
	public int workers() {
		return current().workers;
	}

	@Override
	public int retentionDays() {
		return current().retentionDays;
	}

	@Override
	public String instanceName() {
		return current().instanceName;
	}

	@Override
	public EgressPolicy egressPolicy() {
		Snapshot s = current();
		if (s.egressError != null) {
			throw new IllegalArgumentException(s.egressError);
		}
		return s.egress;
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		if (isFresh(s)) {
			return s;
		}
		synchronized (this) {
			// one read at a time; who waited for it takes its result
			s = snapshot;
			if (!isFresh(s)) {
				s = read(clock.millis(), generation.get(), s);
				snapshot = s;
			}
			return s;
		}
	}

	private boolean isFresh(Snapshot s) {
		return s != null && s.generation == generation.get() && clock.millis() - s.readAt < CACHE_MILLIS;
	}

	private Snapshot read(long now, long generation, Snapshot previous) {
		Map<String, String> values;
		try {
			values = sessions.call("settings-read", PRIVILEGES, this::readAll);
		}
		catch (RuntimeException e) {
			log.warn("Webhooks: cannot read the module's global properties; using {}",
			    previous == null ? "the defaults" : "the values read before", e);
			values = previous == null ? Collections.<String, String> emptyMap() : previous.values;
		}
		String enabled = values.get(WebhooksConstants.GP_DELIVERY_ENABLED);
		String workers = values.get(WebhooksConstants.GP_DELIVERY_WORKERS);
		String retention = values.get(WebhooksConstants.GP_RETENTION_DAYS);
		String instance = values.get(WebhooksConstants.GP_INSTANCE_NAME);
		String allowHttp = values.get(WebhooksConstants.GP_EGRESS_ALLOW_HTTP);
		String allowed = values.get(WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS);
		String denied = values.get(WebhooksConstants.GP_EGRESS_DENIED_CIDRS);
		EgressPolicy egress = null;
		String egressError = null;
		try {
			egress = EgressPolicy.parse(allowHttp != null && "true".equalsIgnoreCase(allowHttp.trim()), allowed, denied);
		}
		catch (IllegalArgumentException e) {
			// the message names the bad entry and its list, never a secret
			egressError = e.getMessage();
		}
		return new Snapshot(now, generation, values, enabled == null || !"false".equalsIgnoreCase(enabled.trim()),
		        parse(workers, 4, 1, 64), parse(retention, 30, 0, 36_500), instance == null ? null : instance.trim(), egress,
		        egressError);
	}

	/** Every setting's value (absent: unset); runs in a module thread's session. */
	private Map<String, String> readAll() {
		Map<String, String> values = new HashMap<>();
		for (String name : NAMES) {
			String value = globalProperties.apply(name);
			if (value != null) {
				values.put(name, value);
			}
		}
		return Collections.unmodifiableMap(values);
	}

	static int parse(String value, int fallback, int min, int max) {
		if (value == null || value.trim().isEmpty()) {
			return fallback;
		}
		try {
			return Math.max(min, Math.min(max, Integer.parseInt(value.trim())));
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

	private static final class Snapshot {

		final long readAt;

		final long generation;

		final Map<String, String> values;

		final boolean deliveryEnabled;

		final int workers;

		final int retentionDays;

		final String instanceName;

		final EgressPolicy egress;

		final String egressError;

		Snapshot(long readAt, long generation, Map<String, String> values, boolean deliveryEnabled, int workers, int retentionDays,
		    String instanceName, EgressPolicy egress, String egressError) {
			this.readAt = readAt;
			this.generation = generation;
			this.values = values;
			this.deliveryEnabled = deliveryEnabled;
			this.workers = workers;
			this.retentionDays = retentionDays;
			this.instanceName = instanceName;
			this.egress = egress;
			this.egressError = egressError;
		}
	}
}
