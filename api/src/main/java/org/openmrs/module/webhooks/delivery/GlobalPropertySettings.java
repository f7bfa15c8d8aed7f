package org.openmrs.module.webhooks.delivery;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.openmrs.api.AdministrationService;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.delivery.http.EgressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's settings from OpenMRS global properties, re-read at most every few seconds. Reads happen on the
 * engine's own threads, so each one opens an OpenMRS session and adds the proxy privilege "Get Global
 * Properties" (required from core 2.6.11 / 2.7.0 on). A value that cannot be read or parsed falls back to the
 * default of config.xml.
 */
public final class GlobalPropertySettings implements WebhooksSettings {

	private static final Logger log = LoggerFactory.getLogger(GlobalPropertySettings.class);

	/** PrivilegeConstants.GET_GLOBAL_PROPERTIES (a compile-time constant in core). */
	static final String GET_GLOBAL_PROPERTIES = "Get Global Properties";

	static final long CACHE_MILLIS = 5_000;

	private final Clock clock;

	private volatile Snapshot snapshot;

	/** Bumped by {@link #invalidate()}; a snapshot read before the current generation is read again. */
	private final AtomicLong generation = new AtomicLong();

	public GlobalPropertySettings(Clock clock) {
		this.clock = clock;
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
		long now = clock.millis();
		long wanted = generation.get();
		if (s == null || s.generation != wanted || now - s.readAt >= CACHE_MILLIS) {
			s = read(now, wanted);
			snapshot = s;
		}
		return s;
	}

	private static Snapshot read(long now, long generation) {
		String enabled = null;
		String workers = null;
		String retention = null;
		String instance = null;
		String allowHttp = null;
		String allowed = null;
		String denied = null;
		Context.openSession();
		try {
			Context.addProxyPrivilege(GET_GLOBAL_PROPERTIES);
			AdministrationService gp = Context.getAdministrationService();
			enabled = gp.getGlobalProperty(WebhooksConstants.GP_DELIVERY_ENABLED);
			workers = gp.getGlobalProperty(WebhooksConstants.GP_DELIVERY_WORKERS);
			retention = gp.getGlobalProperty(WebhooksConstants.GP_RETENTION_DAYS);
			instance = gp.getGlobalProperty(WebhooksConstants.GP_INSTANCE_NAME);
			allowHttp = gp.getGlobalProperty(WebhooksConstants.GP_EGRESS_ALLOW_HTTP);
			allowed = gp.getGlobalProperty(WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS);
			denied = gp.getGlobalProperty(WebhooksConstants.GP_EGRESS_DENIED_CIDRS);
		}
		catch (RuntimeException e) {
			log.warn("Webhooks: cannot read the module's global properties; using defaults", e);
		}
		finally {
			Context.removeProxyPrivilege(GET_GLOBAL_PROPERTIES);
			Context.closeSession();
		}
		EgressPolicy egress = null;
		String egressError = null;
		try {
			egress = EgressPolicy.parse(allowHttp != null && "true".equalsIgnoreCase(allowHttp.trim()), allowed, denied);
		}
		catch (IllegalArgumentException e) {
			// the message names the bad entry and its list, never a secret
			egressError = e.getMessage();
		}
		return new Snapshot(now, generation, enabled == null || !"false".equalsIgnoreCase(enabled.trim()), parse(workers, 4, 1, 64),
		        parse(retention, 30, 0, 36_500), instance == null ? null : instance.trim(), egress, egressError);
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

		final boolean deliveryEnabled;

		final int workers;

		final int retentionDays;

		final String instanceName;

		final EgressPolicy egress;

		final String egressError;

		Snapshot(long readAt, long generation, boolean deliveryEnabled, int workers, int retentionDays,
		    String instanceName, EgressPolicy egress, String egressError) {
			this.readAt = readAt;
			this.generation = generation;
			this.deliveryEnabled = deliveryEnabled;
			this.workers = workers;
			this.retentionDays = retentionDays;
			this.instanceName = instanceName;
			this.egress = egress;
			this.egressError = egressError;
		}
	}
}
