package org.openmrs.module.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts.UserContext;

class ModuleSessionsTest {

	private static final List<String> PRIVILEGES = Arrays.asList("Get Global Properties", "Get Patients");

	private final FakeUserContexts contexts = new FakeUserContexts();

	private final ModuleSessions sessions = new ModuleSessions(contexts, 5_000);

	@AfterEach
	void clear() {
		contexts.clear();
	}

	@Test
	void call_onAThreadTheModuleDoesNotOwn_shouldLeaveItsUserContextAsItWas() {
		UserContext admin = contexts.logIn("admin");
		admin.proxies.add("Manage Scheduler");
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		AtomicReference<List<String>> proxiesDuringWork = new AtomicReference<>();

		String result = sessions.call("settings-read", PRIVILEGES, () -> {
			ranOn.set(Thread.currentThread());
			proxiesDuringWork.set(new ArrayList<>(contexts.current().proxies));
			return "value";
		});

		assertThat(result).isEqualTo("value");
		assertThat(contexts.current()).isSameAs(admin);
		assertThat(admin.proxies).containsExactly("Manage Scheduler");
		assertThat(contexts.callsOn(Thread.currentThread())).as("no Context call on the caller's thread").isEmpty();
		assertThat(ranOn.get().getName()).isEqualTo("webhooks-settings-read");
		assertThat(ranOn.get().isDaemon()).isTrue();
		assertThat(proxiesDuringWork.get()).containsExactlyElementsOf(PRIVILEGES);
		// the module thread opened its own session, and closed it
		assertThat(contexts.callsOn(ranOn.get())).containsExactly("webhooks-settings-read: isSessionOpen",
		    "webhooks-settings-read: openSession", "webhooks-settings-read: addProxyPrivilege Get Global Properties",
		    "webhooks-settings-read: addProxyPrivilege Get Patients",
		    "webhooks-settings-read: removeProxyPrivilege Get Global Properties",
		    "webhooks-settings-read: removeProxyPrivilege Get Patients", "webhooks-settings-read: closeSession");
	}

	@Test
	void call_onAThreadWithoutUserContext_shouldLeaveItWithout() {
		String result = sessions.call("settings-read", PRIVILEGES, () -> "v");

		assertThat(result).isEqualTo("v");
		assertThat(contexts.current()).isNull();
		assertThat(contexts.callsOn(Thread.currentThread())).isEmpty();
	}

	@Test
	void call_shouldPassOnWhatTheWorkThrew_andStillCloseTheModuleThreadsSession() {
		UserContext admin = contexts.logIn("admin");
		IllegalArgumentException thrown = new IllegalArgumentException("bad value");

		assertThatThrownBy(() -> sessions.call("settings-read", PRIVILEGES, () -> {
			throw thrown;
		})).isSameAs(thrown);

		assertThat(contexts.current()).isSameAs(admin);
		assertThat(admin.proxies).isEmpty();
		assertThat(contexts.calls()).last().isEqualTo("webhooks-settings-read: closeSession");
	}

	@Test
	void call_thatTakesLongerThanTheWait_shouldFailOnTheCallersSide_andFinishOnItsOwnThread() throws Exception {
		ModuleSessions impatient = new ModuleSessions(contexts, 50);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch finished = new CountDownLatch(1);

		assertThatThrownBy(() -> impatient.call("slow", PRIVILEGES, () -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finished.countDown();
			return null;
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("slow did not finish within 50 ms");

		release.countDown();
		assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(contexts.callsOn(Thread.currentThread())).isEmpty();
	}

	@Test
	void call_onAModuleThreadWithoutSession_shouldOpenAndCloseOneThere() throws Exception {
		List<String> calls = onModuleThread("webhooks-dispatcher", () -> sessions.call("x", PRIVILEGES, () -> {
			assertThat(contexts.current()).isNotNull();
			return null;
		}));

		assertThat(calls).containsExactly("webhooks-dispatcher: isSessionOpen", "webhooks-dispatcher: openSession",
		    "webhooks-dispatcher: addProxyPrivilege Get Global Properties",
		    "webhooks-dispatcher: addProxyPrivilege Get Patients",
		    "webhooks-dispatcher: removeProxyPrivilege Get Global Properties",
		    "webhooks-dispatcher: removeProxyPrivilege Get Patients", "webhooks-dispatcher: closeSession");
	}

	@Test
	void call_onAModuleThreadWithItsOwnSession_shouldUseItAndLeaveItOpen() throws Exception {
		AtomicReference<UserContext> before = new AtomicReference<>();
		AtomicReference<UserContext> after = new AtomicReference<>();
		List<String> calls = onModuleThread("webhooks-sender-1", () -> {
			contexts.openSession();
			before.set(contexts.current());
			sessions.call("x", PRIVILEGES, () -> null);
			after.set(contexts.current());
		});

		assertThat(after.get()).isSameAs(before.get());
		assertThat(after.get().proxies).isEmpty();
		assertThat(calls).doesNotContain("webhooks-sender-1: closeSession").containsOnlyOnce(
		    "webhooks-sender-1: openSession");
	}

	@Test
	void moduleThreads_shouldBeDaemonsNamedWebhooks_andKnownAsTheModulesOwn() throws Exception {
		AtomicReference<Boolean> own = new AtomicReference<>();
		Thread t = ModuleThreads.newThread(() -> own.set(ModuleThreads.isModuleThread()), "retention");
		assertThat(t.getName()).isEqualTo("webhooks-retention");
		assertThat(t.isDaemon()).isTrue();
		t.start();
		t.join(5_000);

		assertThat(own.get()).isTrue();
		assertThat(ModuleThreads.isModuleThread()).as("the test's own thread").isFalse();
		assertThat(ModuleThreads.numbered("webhooks-sender").newThread(() -> {
		}).getName()).isEqualTo("webhooks-sender-1");
		assertThat(ModuleThreads.factory("webhooks-http-deadline").newThread(() -> {
		}).isDaemon()).isTrue();
	}

	/** Runs {@code work} on a module thread and returns the Context calls made there. */
	private List<String> onModuleThread(String name, Runnable work) throws Exception {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread t = ModuleThreads.newThread(() -> {
			try {
				work.run();
			}
			catch (Throwable e) {
				failure.set(e);
			}
		}, name);
		t.start();
		t.join(5_000);
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
		return contexts.callsOn(t);
	}
}
