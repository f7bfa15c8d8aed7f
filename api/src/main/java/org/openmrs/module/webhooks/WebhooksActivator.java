package org.openmrs.module.webhooks;

import java.util.List;

import org.aopalliance.aop.Advice;
import org.openmrs.api.PatientService;
import org.openmrs.api.context.Context;
import org.openmrs.module.BaseModuleActivator;
import org.openmrs.module.DaemonToken;
import org.openmrs.module.DaemonTokenAware;
import org.openmrs.module.webhooks.capture.PatientMergeAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Module lifecycle: starts the module's background parts ({@link WebhooksLifecycle} beans) once the module or
 * a refreshed context is up, and stops them before the module stops or the context is refreshed.
 *
 * <p>Two rules, because core calls these methods on its own threads (its start-up thread at OpenMRS start, the
 * request thread of a module upload or start) and the module must never be able to keep OpenMRS from starting:
 * <ul>
 * <li>Nothing here touches the calling thread's OpenMRS user context or session: the parts are started and
 * stopped on threads of the module's own ({@link BackgroundParts}), in sessions opened there.</li>
 * <li>Every callback catches every {@link Throwable} (class loading and linkage errors included), logs it once,
 * and returns normally.</li>
 * </ul>
 *
 * <p>The {@code patient.merged} advice ({@link PatientMergeAdvice}) is registered here, not in config.xml: a module
 * that declares {@code <advice>} makes the REST module's upload response (the core {@code Module}, serialised with
 * Jackson) fail on the cycle {@code Module.advicePoints -> AdvicePoint.module}. Core drops every service's advice
 * when it refreshes its context and rebuilds the services, so it is added when the module has started and again
 * when the context has been refreshed, and removed before the module stops or the context is refreshed. It is
 * always the same instance, and core adds an advice only when that instance is not there yet, so it is on the
 * {@code PatientService} exactly once. Adding it touches neither a session nor a user context, so it is done on
 * core's thread, at once: a merge right after the start raises its event.
 *
 * <p>The bean properties ({@link #getState()}) exist so that the REST module's upload response, which
 * serialises the activator with Jackson, can answer 201.
 */
public class WebhooksActivator extends BaseModuleActivator implements DaemonTokenAware {

	private static final Logger log = LoggerFactory.getLogger(WebhooksActivator.class);

	/** How long core's thread waits for the background parts to start (they go on starting after that). */
	static final long START_WAIT_MILLIS = 15_000;

	/** How long core's thread waits for them to stop: beyond every bounded wait of the parts' own stops. */
	static final long STOP_WAIT_MILLIS = 300_000;

	/** Held strongly: core keeps only a weak reference to the token it hands out. */
	private static volatile DaemonToken daemonToken;

	private volatile String state = "loaded";

	/** Built at first use, inside a guarded callback, so that nothing can fail while core constructs us. */
	private BackgroundParts parts;

	private LegacyAdminLink adminLink;

	/** Made at first use, like {@link #parts}; one instance for the activator's life (see the class comment). */
	private Advice mergeAdvice;

	@Override
	public void setDaemonToken(final DaemonToken token) {
		guarded("setDaemonToken", () -> daemonToken = token);
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
		guarded("willStart", () -> {
			state = "starting";
			log.info("Webhooks module starting");
		});
	}

	@Override
	public void started() {
		guarded("started", () -> adviseMerges(true));
		guarded("started", () -> parts().start());
		guarded("started", () -> adminLink().update());
		guarded("started", () -> {
			state = "started";
			log.info("Webhooks module started");
		});
	}

	@Override
	public void willRefreshContext() {
		guarded("willRefreshContext", () -> {
			state = "refreshing";
			log.info("Webhooks module: context refresh, stopping background work");
			parts().stop();
		});
		guarded("willRefreshContext", () -> adviseMerges(false));
	}

	@Override
	public void contextRefreshed() {
		guarded("contextRefreshed", () -> adviseMerges(true));
		guarded("contextRefreshed", () -> parts().start());
		guarded("contextRefreshed", () -> adminLink().update());
		guarded("contextRefreshed", () -> {
			state = "started";
			log.info("Webhooks module: context refreshed, background work restarted");
		});
	}

	@Override
	public void willStop() {
		guarded("willStop", () -> {
			state = "stopping";
			log.info("Webhooks module stopping");
			parts().stop();
		});
		guarded("willStop", () -> adminLink().remove());
		guarded("willStop", () -> adviseMerges(false));
	}

	@Override
	public void stopped() {
		guarded("stopped", () -> {
			state = "stopped";
			log.info("Webhooks module stopped");
		});
	}

	/**
	 * The module's {@link WebhooksLifecycle} beans, from the Spring context core started the module in. Called on a
	 * module thread. A seam for tests, where core's static {@code Context} is a stub: they start the same activator
	 * over their own context.
	 */
	protected List<WebhooksLifecycle> lifecycleParts() {
		return Context.getRegisteredComponents(WebhooksLifecycle.class);
	}

	/** The OpenMRS sessions of the module's threads. A seam for tests, as {@link #lifecycleParts()}. */
	protected ModuleSessions sessions() {
		return ModuleSessions.ofContext();
	}

	/** The legacy admin list link. A seam for tests, as {@link #lifecycleParts()}. */
	protected LegacyAdminLink legacyAdminLink() {
		return LegacyAdminLink.ofCore();
	}

	/**
	 * Adds {@code advice} to core's {@code PatientService} ({@code add}), or removes it. A seam for tests, as
	 * {@link #lifecycleParts()}.
	 */
	protected void patientServiceAdvice(Advice advice, boolean add) {
		if (add) {
			Context.addAdvice(PatientService.class, advice);
		} else {
			Context.removeAdvice(PatientService.class, advice);
		}
	}

	private void adviseMerges(boolean add) {
		Advice advice;
		synchronized (this) {
			if (mergeAdvice == null) {
				mergeAdvice = new PatientMergeAdvice();
			}
			advice = mergeAdvice;
		}
		patientServiceAdvice(advice, add);
	}

	/** Whether a start or stop of the background parts is still under way (it goes on after a bounded wait). */
	public synchronized boolean isBusy() {
		return parts != null && parts.isBusy();
	}

	private synchronized BackgroundParts parts() {
		if (parts == null) {
			parts = new BackgroundParts(this::lifecycleParts, sessions(), START_WAIT_MILLIS, STOP_WAIT_MILLIS);
		}
		return parts;
	}

	private synchronized LegacyAdminLink adminLink() {
		if (adminLink == null) {
			adminLink = legacyAdminLink();
		}
		return adminLink;
	}

	/** Runs one step of a callback; whatever it throws is logged once and goes no further. */
	private static void guarded(String callback, Runnable step) {
		try {
			step.run();
		}
		catch (Throwable e) {
			try {
				log.error("Webhooks: {} failed; OpenMRS goes on ({})", callback, e.getClass().getName(), e);
			}
			catch (Throwable ignored) {
				// nothing left to report with
			}
		}
	}
}
