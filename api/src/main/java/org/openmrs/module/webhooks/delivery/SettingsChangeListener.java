package org.openmrs.module.webhooks.delivery;

import java.util.concurrent.atomic.AtomicBoolean;

import org.openmrs.GlobalProperty;
import org.openmrs.api.GlobalPropertyListener;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.ModuleThreads;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.WebhooksLifecycle;
import org.openmrs.module.webhooks.delivery.http.EgressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationAdapter;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes changes to the module's global properties ({@code webhooks.*}) take effect without a restart: once the
 * change is committed it drops the cached settings, so the engine reads the new values at once instead of up to
 * 5 s later, and a change of {@code webhooks.delivery.workers} restarts the delivery engine (stop, then start with
 * the new count) on a thread of its own, so that the request that saved the property is not held up.
 * {@code webhooks.egress.allowedCidrs} / {@code deniedCidrs} are checked as they are saved: an invalid list is
 * logged as an error naming the property (the transport then refuses every connection until it is fixed).
 *
 * <p>Core keeps its global property listeners in a list of its own ({@code EventListeners}, filled from core's
 * {@code openmrsEventListeners} bean), not by looking up beans of the type: this class registers itself with
 * {@code AdministrationService.addGlobalPropertyListener} when the activator starts it, and removes itself when it
 * is stopped. Core calls it from inside the saving transaction; the work is deferred to after the commit (nothing
 * happens on a rollback), or done at once when there is no transaction. Values are never logged.
 */
public final class SettingsChangeListener implements GlobalPropertyListener, WebhooksLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SettingsChangeListener.class);

	static final String PREFIX = "webhooks.";

	private final Runnable invalidateSettings;

	private final DeliveryEngine engine;

	private final boolean registerWithCore;

	private final AtomicBoolean restartPending = new AtomicBoolean();

	private volatile boolean running;

	private Thread restartThread;

	/** As moduleApplicationContext.xml builds it: registers with core when started. */
	public SettingsChangeListener(WebhooksSettings settings, DeliveryEngine engine) {
		this(settings::invalidate, engine, true);
	}

	/**
	 * @param invalidateSettings drops the cached settings
	 * @param registerWithCore whether {@link #start()} registers with core's AdministrationService (false in tests,
	 *            which call the listener methods themselves)
	 */
	public SettingsChangeListener(Runnable invalidateSettings, DeliveryEngine engine, boolean registerWithCore) {
		this.invalidateSettings = invalidateSettings;
		this.engine = engine;
		this.registerWithCore = registerWithCore;
	}

	@Override
	public void start() {
		running = true;
		if (registerWithCore) {
			Context.getAdministrationService().addGlobalPropertyListener(this);
		}
	}

	/** Unregisters, and waits for a restart of the engine under way. */
	@Override
	public void stop() {
		running = false;
		if (registerWithCore) {
			try {
				Context.getAdministrationService().removeGlobalPropertyListener(this);
			}
			catch (RuntimeException e) {
				log.warn("Webhooks: could not unregister the global property listener", e);
			}
		}
		Thread t;
		synchronized (this) {
			t = restartThread;
		}
		if (t != null) {
			try {
				t.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean supportsPropertyName(String propertyName) {
		return propertyName != null && propertyName.startsWith(PREFIX);
	}

	@Override
	public void globalPropertyChanged(GlobalProperty property) {
		if (property != null) {
			changed(property.getProperty(), property.getPropertyValue());
		}
	}

	@Override
	public void globalPropertyDeleted(String propertyName) {
		changed(propertyName, null);
	}

	/** A change of {@code name} (deleted: {@code value} null). */
	void changed(final String name, String value) {
		if (!supportsPropertyName(name)) {
			return;
		}
		check(name, value);
		final boolean restart = WebhooksConstants.GP_DELIVERY_WORKERS.equals(name);
		afterCommit(new Runnable() {

			@Override
			public void run() {
				log.info("Webhooks: global property {} changed; applying it now", name);
				invalidateSettings.run();
				if (restart) {
					scheduleRestart();
				}
			}
		});
	}

	/** Logs an error naming the property when its new value is unusable (never the value itself). */
	static void check(String name, String value) {
		if (WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS.equals(name) || WebhooksConstants.GP_EGRESS_DENIED_CIDRS.equals(name)) {
			try {
				boolean allowed = WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS.equals(name);
				EgressPolicy.parse(false, allowed ? value : null, allowed ? null : value);
			}
			catch (IllegalArgumentException e) {
				log.error("Webhooks: the global property {} is invalid ({}); every delivery is refused until it is"
				        + " fixed (comma-separated CIDRs such as 10.0.0.0/8, 192.168.1.7/32)", name, e.getMessage());
			}
		} else if (WebhooksConstants.GP_DELIVERY_WORKERS.equals(name) && value != null && !value.trim().isEmpty()
		        && !isWholeNumberFrom1To64(value.trim())) {
			log.error("Webhooks: the global property {} must be a whole number from 1 to 64; the engine uses the"
			        + " nearest of 1 and 64, or 4 when it is not a number", name);
		}
	}

	private static boolean isWholeNumberFrom1To64(String value) {
		try {
			int n = Integer.parseInt(value);
			return n >= 1 && n <= 64;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private static void afterCommit(final Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronizationAdapter() {

				@Override
				public void afterCommit() {
					work.run();
				}
			});
		} else {
			work.run();
		}
	}

	/** One restart at a time; changes arriving before it reads the settings are covered by it. */
	private void scheduleRestart() {
		if (!running || !restartPending.compareAndSet(false, true)) {
			return;
		}
		Thread t = ModuleThreads.newThread(this::restart, "webhooks-engine-restart");
		synchronized (this) {
			restartThread = t;
		}
		t.start();
	}

	/**
	 * Under the engine's own lock, so that the activator stopping the engine meanwhile waits for the restart, and a
	 * stopped engine is never started again from here.
	 */
	private void restart() {
		restartPending.set(false);
		try {
			synchronized (engine) {
				if (running && engine.isRunning()) {
					log.info("Webhooks: {} changed; restarting the delivery engine", WebhooksConstants.GP_DELIVERY_WORKERS);
					engine.stop();
					engine.start();
				}
			}
		}
		catch (RuntimeException e) {
			log.error("Webhooks: could not restart the delivery engine after {} changed", WebhooksConstants.GP_DELIVERY_WORKERS,
			    e);
		}
	}
}
