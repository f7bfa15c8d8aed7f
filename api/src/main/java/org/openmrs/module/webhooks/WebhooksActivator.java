package org.openmrs.module.webhooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.api.context.Context;
import org.openmrs.module.BaseModuleActivator;
import org.openmrs.module.DaemonToken;
import org.openmrs.module.DaemonTokenAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Module lifecycle: starts the module's background parts ({@link WebhooksLifecycle} beans) once the module or
 * a refreshed context is up, and stops them before the module stops or the context is refreshed.
 *
 * <p>The bean properties ({@link #getState()}) exist so that the REST module's upload response, which
 * serialises the activator with Jackson, can answer 201.
 */
public class WebhooksActivator extends BaseModuleActivator implements DaemonTokenAware {

	private static final Logger log = LoggerFactory.getLogger(WebhooksActivator.class);

	/** Held strongly: core keeps only a weak reference to the token it hands out. */
	private static volatile DaemonToken daemonToken;

	private volatile String state = "loaded";

	private final List<WebhooksLifecycle> running = new ArrayList<>();

	@Override
	public void setDaemonToken(DaemonToken token) {
		daemonToken = token;
	}

	/** The token core gave this module, or {@code null} before the module has been started. */
	public static DaemonToken getDaemonToken() {
		return daemonToken;
	}

	/** Where the module is in its lifecycle: loaded, starting, started, refreshing, stopping or stopped. */
	public String getState() {
		return state;
	}

	@Override
	public void willStart() {
		state = "starting";
		log.info("Webhooks module starting");
	}

	@Override
	public void started() {
		startBackgroundParts();
		state = "started";
		log.info("Webhooks module started");
	}

	@Override
	public void willRefreshContext() {
		state = "refreshing";
		log.info("Webhooks module: context refresh, stopping background work");
		stopBackgroundParts();
	}

	@Override
	public void contextRefreshed() {
		startBackgroundParts();
		state = "started";
		log.info("Webhooks module: context refreshed, background work restarted");
	}

	@Override
	public void willStop() {
		state = "stopping";
		log.info("Webhooks module stopping");
		stopBackgroundParts();
	}

	@Override
	public void stopped() {
		state = "stopped";
		log.info("Webhooks module stopped");
	}

	private synchronized void startBackgroundParts() {
		stopBackgroundParts();
		for (WebhooksLifecycle part : lifecycleParts()) {
			try {
				part.start();
				running.add(part);
			}
			catch (RuntimeException e) {
				log.error("Webhooks module: could not start {}", part.getClass().getSimpleName(), e);
			}
		}
	}

	/**
	 * The module's {@link WebhooksLifecycle} beans, from the Spring context core started the module in. A seam for
	 * tests, where core's static {@code Context} is a stub: they start the same activator over their own context.
	 */
	protected List<WebhooksLifecycle> lifecycleParts() {
		return Context.getRegisteredComponents(WebhooksLifecycle.class);
	}

	private synchronized void stopBackgroundParts() {
		List<WebhooksLifecycle> toStop = new ArrayList<>(running);
		Collections.reverse(toStop);
		running.clear();
		for (WebhooksLifecycle part : toStop) {
			try {
				part.stop();
			}
			catch (RuntimeException e) {
				log.error("Webhooks module: could not stop {}", part.getClass().getSimpleName(), e);
			}
		}
	}
}
