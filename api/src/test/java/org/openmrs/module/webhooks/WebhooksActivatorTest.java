package org.openmrs.module.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.aopalliance.aop.Advice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.capture.PatientMergeAdvice;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts.UserContext;

/**
 * The activator as core calls it: on a thread of core's with a user context (the start-up thread, an upload
 * request), which must come out of every callback as it went in; and with failures of every kind inside the
 * module, none of which may reach core (bug 0 of issue 9).
 */
class WebhooksActivatorTest {

	/** A background part recording where and in which order it was started and stopped. */
	static class Part implements WebhooksLifecycle {

		final String name;

		final List<String> log;

		volatile long stopMillis;

		volatile RuntimeException startFailure;

		volatile Error startError;

		volatile boolean running;

		Part(String name, List<String> log) {
			this.name = name;
			this.log = log;
		}

		@Override
		public void start() {
			log.add(name + ".start on " + Thread.currentThread().getName());
			if (startError != null) {
				throw startError;
			}
			if (startFailure != null) {
				throw startFailure;
			}
			running = true;
		}

		@Override
		public void stop() {
			try {
				Thread.sleep(stopMillis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			running = false;
			log.add(name + ".stop on " + Thread.currentThread().getName());
		}
	}

	/** The activator over test parts, a fake user context and a fake legacy admin link. */
	static class TestActivator extends WebhooksActivator {

		final FakeUserContexts contexts;

		final Supplier<List<WebhooksLifecycle>> parts;

		final FakeCore core = new FakeCore();

		final List<String> lookUps = new CopyOnWriteArrayList<>();

		/** The advice on core's PatientService, which (as core's ServiceContext) adds an instance only once. */
		final List<Advice> patientServiceAdvice = new CopyOnWriteArrayList<>();

		TestActivator(FakeUserContexts contexts, Supplier<List<WebhooksLifecycle>> parts) {
			this.contexts = contexts;
			this.parts = parts;
		}

		@Override
		protected List<WebhooksLifecycle> lifecycleParts() {
			lookUps.add(Thread.currentThread().getName() + (contexts.current() != null ? " in a session" : ""));
			return parts.get();
		}

		@Override
		protected ModuleSessions sessions() {
			return new ModuleSessions(contexts, 5_000);
		}

		@Override
		protected LegacyAdminLink legacyAdminLink() {
			return new LegacyAdminLink(core);
		}

		@Override
		protected void patientServiceAdvice(Advice advice, boolean add) {
			boolean there = patientServiceAdvice.stream().anyMatch(a -> a == advice);
			if (add && !there) {
				patientServiceAdvice.add(advice);
			} else if (!add) {
				patientServiceAdvice.removeIf(a -> a == advice);
			}
		}

		/** Core's context refresh: it destroys the services and makes new ones, without the advice. */
		void coreRefreshesTheServices() {
			patientServiceAdvice.clear();
		}
	}

	/** Core's module registry with or without legacyui. */
	static final class FakeCore implements LegacyAdminLink.Core {

		volatile boolean legacyui;

		final Map<String, List<Object>> extensions = new HashMap<>();

		@Override
		public boolean isModuleStarted(String moduleId) {
			return legacyui && LegacyAdminLink.LEGACYUI.equals(moduleId);
		}

		@Override
		public Map<String, List<Object>> extensionMap() {
			return extensions;
		}

		@Override
		public Object newExtension(String className, String pointId, String moduleId) {
			return pointId + "|html by " + moduleId;
		}

		@Override
		public String extensionId(Object extension) {
			return LegacyAdminLink.POINT + "|html";
		}
	}

	private final FakeUserContexts contexts = new FakeUserContexts();

	private final List<String> log = new CopyOnWriteArrayList<>();

	private final Part engine = new Part("engine", log);

	private final Part listener = new Part("listener", log);

	private final List<WebhooksLifecycle> parts = Arrays.asList(engine, listener);

	@AfterEach
	void clear() {
		contexts.clear();
	}

	@Test
	void everyCallback_shouldLeaveTheCallersUserContextAsItCameIn() {
		TestActivator activator = new TestActivator(contexts, () -> parts);
		UserContext admin = contexts.logIn("admin");
		admin.proxies.add("Manage Scheduler");

		for (Runnable callback : callbacks(activator)) {
			callback.run();
			assertThat(contexts.current()).isSameAs(admin);
			assertThat(admin.proxies).containsExactly("Manage Scheduler");
		}

		assertThat(contexts.callsOn(Thread.currentThread())).as("Context calls on core's thread").isEmpty();
		assertThat(activator.lookUps).as("parts looked up on the module's thread, in its own session")
		        .allMatch(s -> s.equals("webhooks-start in a session"));
		assertThat(log).allMatch(s -> s.endsWith(" on webhooks-start") || s.endsWith(" on webhooks-stop"));
	}

	@Test
	void started_shouldReturnWithThePartsRunning_onModuleThreads() {
		TestActivator activator = new TestActivator(contexts, () -> parts);

		activator.willStart();
		activator.started();

		assertThat(engine.running && listener.running).isTrue();
		assertThat(activator.getState()).isEqualTo("started");
		assertThat(log).containsExactly("engine.start on webhooks-start", "listener.start on webhooks-start");
	}

	@Test
	void startUp_contextRefreshedThenStarted_shouldStartThePartsOnce() {
		TestActivator activator = new TestActivator(contexts, () -> parts);

		activator.contextRefreshed();
		activator.started();

		assertThat(log).containsExactly("engine.start on webhooks-start", "listener.start on webhooks-start");
	}

	@Test
	void willRefreshContextAndWillStop_shouldReturnOnlyOnceEveryPartHasStopped_inReverseOrder() {
		engine.stopMillis = 300;
		TestActivator activator = new TestActivator(contexts, () -> parts);
		activator.started();

		activator.willRefreshContext();
		assertThat(engine.running || listener.running).isFalse();
		assertThat(activator.isBusy()).isFalse();
		activator.contextRefreshed();
		assertThat(engine.running && listener.running).isTrue();
		activator.willStop();
		activator.stopped();

		assertThat(engine.running || listener.running).isFalse();
		assertThat(log).containsExactly("engine.start on webhooks-start", "listener.start on webhooks-start",
		    "listener.stop on webhooks-stop", "engine.stop on webhooks-stop", "engine.start on webhooks-start",
		    "listener.start on webhooks-start", "listener.stop on webhooks-stop", "engine.stop on webhooks-stop");
		assertThat(activator.getState()).isEqualTo("stopped");
	}

	@Test
	void aContextWithNewParts_shouldStopTheOldOnesFirst_neverRunningTwoEngines() {
		List<WebhooksLifecycle> current = new ArrayList<>(parts);
		TestActivator activator = new TestActivator(contexts, () -> current);
		activator.started();
		Part newEngine = new Part("engine2", log);
		current.set(0, newEngine);

		activator.contextRefreshed(); // without willRefreshContext first

		assertThat(engine.running).isFalse();
		assertThat(newEngine.running).isTrue();
		assertThat(log.indexOf("engine.stop on webhooks-start")).isLessThan(log.indexOf("engine2.start on webhooks-start"));
	}

	@Test
	void aStartStillUnderWay_shouldBeFinishedBeforeTheStopBegins() throws Exception {
		// the start outlives the activator's wait: core goes on, the stop must still come after it
		List<WebhooksLifecycle> slow = Collections.singletonList(new WebhooksLifecycle() {

			@Override
			public void start() {
				log.add("slow.start begins");
				try {
					Thread.sleep(400);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				log.add("slow.start ends");
			}

			@Override
			public void stop() {
				log.add("slow.stop");
			}
		});
		BackgroundParts background = new BackgroundParts(() -> slow, new ModuleSessions(contexts, 5_000), 10, 5_000);

		background.start();
		assertThat(background.isBusy()).isTrue();
		background.stop();

		assertThat(log).containsExactly("slow.start begins", "slow.start ends", "slow.stop");
		assertThat(background.isBusy()).isFalse();
	}

	@Test
	void failuresOfEveryKind_shouldNeverReachCore() {
		// lookup of the parts fails with a linkage error, the sessions and the admin link cannot even be built
		WebhooksActivator broken = new WebhooksActivator() {

			@Override
			protected List<WebhooksLifecycle> lifecycleParts() {
				throw new NoClassDefFoundError("org/openmrs/Missing");
			}

			@Override
			protected ModuleSessions sessions() {
				throw new ExceptionInInitializerError("static init failed");
			}

			@Override
			protected LegacyAdminLink legacyAdminLink() {
				throw new LinkageError("no core");
			}
		};
		broken.setDaemonToken(null);
		for (Runnable callback : callbacks(broken)) {
			callback.run();
		}
		assertThat(broken.getState()).isEqualTo("stopped");

		// the real sessions (core's Context is a stub that throws here) and a legacy link over missing core classes
		WebhooksActivator noCore = new WebhooksActivator() {

			@Override
			protected List<WebhooksLifecycle> lifecycleParts() {
				return parts;
			}
		};
		for (Runnable callback : callbacks(noCore)) {
			callback.run();
		}
		assertThat(engine.running).as("no session could be opened, so nothing was started").isFalse();

		// a part throwing an Error, the other still starts
		engine.startError = new AssertionError("boom");
		TestActivator partlyBroken = new TestActivator(contexts, () -> parts);
		partlyBroken.started();
		assertThat(listener.running).isTrue();
		partlyBroken.willStop();
		assertThat(listener.running).isFalse();
	}

	@Test
	void mergeAdvice_shouldBeOnThePatientServiceExactlyOnce_wheneverTheModuleIsStarted() {
		TestActivator activator = new TestActivator(contexts, () -> parts);
		activator.willStart();
		assertThat(activator.patientServiceAdvice).isEmpty();

		// OpenMRS start-up and a module upload: contextRefreshed, then started
		activator.contextRefreshed();
		activator.started();
		assertThat(activator.patientServiceAdvice).hasSize(1).allMatch(a -> a instanceof PatientMergeAdvice);
		Advice first = activator.patientServiceAdvice.get(0);

		// another module's start refreshes the context: core drops the services and their advice
		activator.willRefreshContext();
		activator.coreRefreshesTheServices();
		activator.contextRefreshed();
		assertThat(activator.patientServiceAdvice).containsExactly(first);

		activator.willStop();
		assertThat(activator.patientServiceAdvice).as("removed before the module stops").isEmpty();
		activator.stopped();

		// started again (the same activator: a stop and start from the admin page)
		activator.willStart();
		activator.contextRefreshed();
		activator.started();
		assertThat(activator.patientServiceAdvice).containsExactly(first);
		activator.willStop();
		assertThat(activator.patientServiceAdvice).isEmpty();
	}

	@Test
	void legacyAdminLink_shouldBeAddedWhileLegacyuiRuns_andRemovedOnStop() {
		TestActivator withLegacyui = new TestActivator(contexts, () -> parts);
		withLegacyui.core.legacyui = true;

		withLegacyui.contextRefreshed();
		withLegacyui.started();
		assertThat(withLegacyui.core.extensions.get("org.openmrs.admin.list|html")).hasSize(1);

		withLegacyui.willStop();
		assertThat(withLegacyui.core.extensions.get("org.openmrs.admin.list|html")).isEmpty();

		TestActivator without = new TestActivator(contexts, () -> parts);
		without.contextRefreshed();
		without.started();
		assertThat(without.core.extensions).isEmpty();
		without.willStop();
	}

	@Test
	void everyModuleThread_shouldBeADaemonNamedWebhooks() throws Exception {
		List<Thread> seen = new CopyOnWriteArrayList<>();
		Consumer<String> note = s -> seen.add(Thread.currentThread());
		Part part = new Part("p", log) {

			@Override
			public void start() {
				note.accept("start");
				super.start();
			}
		};
		TestActivator activator = new TestActivator(contexts, () -> Collections.singletonList(part));
		activator.started();
		activator.willStop();

		assertThat(seen).isNotEmpty().allMatch(Thread::isDaemon).allMatch(t -> t.getName().startsWith("webhooks-"));
	}

	private static List<Runnable> callbacks(WebhooksActivator a) {
		return Arrays.asList(a::willStart, a::contextRefreshed, a::started, a::willRefreshContext, a::contextRefreshed,
		    a::willStop, a::stopped);
	}
}
