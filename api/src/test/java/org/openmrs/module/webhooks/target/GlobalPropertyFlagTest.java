package org.openmrs.module.webhooks.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.ModuleSessions;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts.UserContext;

/** The "allow http" flag read while a target is saved: on a module thread, never in the request's own context. */
class GlobalPropertyFlagTest {

	private final FakeUserContexts contexts = new FakeUserContexts();

	private final Map<String, String> globalProperties = new ConcurrentHashMap<>();

	private final List<String> reads = new CopyOnWriteArrayList<>();

	private final GlobalPropertyFlag allowHttp = new GlobalPropertyFlag("webhooks.egress.allowHttp", false,
	        new ModuleSessions(contexts, 5_000), name -> {
		        UserContext c = contexts.current();
		        reads.add(Thread.currentThread().getName() + " " + (c != null ? c.proxies : "no user context"));
		        return globalProperties.get(name);
	        });

	@AfterEach
	void clear() {
		contexts.clear();
	}

	@Test
	void getAsBoolean_onARequestThread_shouldReadOnAModuleThreadWithTheProxyPrivilege() {
		UserContext manager = contexts.logIn("manager");

		assertThat(allowHttp.getAsBoolean()).as("default").isFalse();
		globalProperties.put("webhooks.egress.allowHttp", " TRUE ");
		assertThat(allowHttp.getAsBoolean()).as("read on each call").isTrue();

		assertThat(contexts.current()).isSameAs(manager);
		assertThat(manager.proxies).isEmpty();
		assertThat(contexts.callsOn(Thread.currentThread())).isEmpty();
		assertThat(reads).containsExactly("webhooks-setting-read [Get Global Properties]",
		    "webhooks-setting-read [Get Global Properties]");
	}
}
