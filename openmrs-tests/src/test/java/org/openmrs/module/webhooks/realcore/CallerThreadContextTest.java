package org.openmrs.module.webhooks.realcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.WebhooksActivator;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.delivery.GlobalPropertySettings;
import org.openmrs.module.webhooks.model.EventTypes;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.realcore.support.CallerContext;
import org.openmrs.module.webhooks.realcore.support.EngineThreads;
import org.openmrs.module.webhooks.realcore.support.GlobalProperties;
import org.openmrs.module.webhooks.realcore.support.OwnThread;
import org.openmrs.module.webhooks.realcore.support.Receiver;

/**
 * Every module entry point that a core thread or a request thread reaches leaves that thread's OpenMRS context as it
 * found it: the same UserContext, the same authenticated user, the same proxy privileges, its Hibernate session
 * still bound and open (issue 9, bugs 0 and 2). Two kinds of caller, as core has them:
 * <ul>
 * <li>core's start-up thread: a session core opened, no user logged in, a proxy privilege core removes afterwards
 * (SchedulerUtil.startup's {@code Context.removeProxyPrivilege} is where OpenMRS 2.8.9 failed to start);</li>
 * <li>a request thread: the logged-in administrator of a REST call (the module upload, a target save, a test send,
 * any request that reads the settings).</li>
 * </ul>
 * The activator's callbacks are called in the order core calls them when it starts a module (willStart, the context
 * refresh, started) and stops it; the settings are dropped before each, as a fresh context has none cached. Each
 * callback is judged on its own: after a difference the caller's context is set up again.
 */
public class CallerThreadContextTest extends RealCoreTest {

	/** A proxy privilege the caller holds around the call, as core's own code does. */
	private static final String CALLER_PROXY = "Webhooks Test Caller Proxy";

	private GlobalPropertySettings settings;

	private GlobalProperties gps;

	@BeforeEach
	public void beans() {
		settings = applicationContext.getBean("webhooksSettings", GlobalPropertySettings.class);
		settings.invalidate();
		gps = new GlobalProperties();
	}

	@AfterEach
	public void restore() {
		CallerContext.repair();
		authenticate();
		gps.close();
		settings.invalidate();
	}

	@Test
	public void activatorCallbacks_onCoresStartUpThread_shouldLeaveItsContextAsItWas() throws Exception {
		List<String> differences = OwnThread.call("openmrs-start-up-like", () -> {
			Context.openSession();
			try {
				return lifecycle(() -> {
					if (!Context.isSessionOpen()) {
						Context.openSession();
					}
					Context.addProxyPrivilege(CALLER_PROXY);
				});
			}
			finally {
				CallerContext.repair();
				Context.closeSession();
			}
		});

		assertThat(differences).as("what the module changed on core's start-up thread").isEmpty();
	}

	@Test
	public void activatorCallbacks_onARestUploadRequestThread_shouldLeaveItsContextAsItWas() {
		List<String> differences = lifecycle(() -> {
			authenticate();
			Context.addProxyPrivilege(CALLER_PROXY);
		});

		assertThat(differences).as("what the module changed on the upload's request thread").isEmpty();
	}

	@Test
	public void settingsRead_onARequestThread_shouldLeaveItsContextAsItWas() {
		Context.addProxyPrivilege(CALLER_PROXY);
		CallerContext before = CallerContext.capture();

		int workers = settings.workers();

		assertThat(workers).isBetween(1, 64);
		before.assertUnchanged("GlobalPropertySettings.workers() (a settings read)");
	}

	@Test
	public void targetSave_onARequestThread_shouldLeaveItsContextAsItWas() {
		Context.addProxyPrivilege(CALLER_PROXY);
		CallerContext before = CallerContext.capture();

		SavedTarget saved = Context.getService(TargetService.class).saveTarget(target("https://receiver.example.org/hook"));

		assertThat(saved.getTarget().getUuid()).isNotNull();
		before.assertUnchanged("TargetService.saveTarget");
	}

	@Test
	public void testSend_onARequestThread_shouldDeliverAndLeaveItsContextAsItWas() throws Exception {
		try (Receiver receiver = new Receiver()) {
			gps.set(WebhooksConstants.GP_EGRESS_ALLOW_HTTP, "true").set(WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS,
			    "127.0.0.1/32");
			settings.invalidate();
			TargetService targets = Context.getService(TargetService.class);
			String uuid = targets.saveTarget(target(receiver.url())).getTarget().getUuid();
			Context.addProxyPrivilege(CALLER_PROXY);
			CallerContext before = CallerContext.capture();

			TestResult result = targets.sendTestEvent(uuid);

			assertThat(result.isSuccess()).as("test send: " + result.getError()).isTrue();
			assertThat(result.getStatusCode()).isEqualTo(204);
			assertThat(receiver.received()).hasSize(1);
			Receiver.Request request = receiver.received().get(0);
			assertThat(request.headers).containsKeys("webhook-id", "webhook-timestamp", "webhook-signature");
			assertThat(request.body).contains("\"" + EventTypes.TEST + "\"");
			before.assertUnchanged("TargetService.sendTestEvent");
		}
	}

	/**
	 * Calls the activator as core does and returns what each callback changed on the calling thread.
	 *
	 * @param caller sets the thread up as the caller has it (again after a callback broke it)
	 */
	private List<String> lifecycle(Runnable caller) {
		WebhooksActivator activator = new WebhooksActivator();
		Map<String, Runnable> callbacks = new LinkedHashMap<>();
		callbacks.put("willStart()", activator::willStart);
		callbacks.put("willRefreshContext()", activator::willRefreshContext);
		callbacks.put("contextRefreshed()", activator::contextRefreshed);
		callbacks.put("started()", activator::started);
		callbacks.put("willStop()", activator::willStop);
		callbacks.put("stopped()", activator::stopped);
		List<String> differences = new ArrayList<>();
		caller.run();
		try {
			for (Map.Entry<String, Runnable> callback : callbacks.entrySet()) {
				settings.invalidate();
				CallerContext before = CallerContext.capture();
				try {
					callback.getValue().run();
				}
				catch (RuntimeException e) {
					differences.add("WebhooksActivator." + callback.getKey() + " threw " + e);
				}
				try {
					before.assertUnchanged("WebhooksActivator." + callback.getKey());
				}
				catch (AssertionError e) {
					differences.add(e.getMessage());
					CallerContext.repair();
					caller.run();
				}
			}
			// what core's start-up does next with its proxy privilege (bug 0 failed here)
			Context.removeProxyPrivilege(CALLER_PROXY);
		}
		finally {
			if (!EngineThreads.running().isEmpty()) {
				activator.willStop();
			}
		}
		return differences;
	}

	private static Target target(String url) {
		Target t = new Target();
		t.setName("Caller context " + url);
		t.setUrl(url);
		t.setEventTypes(Collections.singletonList("*"));
		t.setSigningEnabled(true);
		return t;
	}
}
