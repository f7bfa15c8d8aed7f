package org.openmrs.module.webhooks.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.webhooks.ModuleSessions;

/**
 * Core's per-thread user context as {@code Context} keeps it, for tests where the real one cannot run (the stub
 * Context throws): {@code openSession()} puts a new user context on the thread (replacing one already there, as
 * core does), {@code closeSession()} removes it, proxy privileges are a list per user context, and adding or
 * removing one without a user context fails with core's message. Every call is recorded with its thread's name.
 *
 * <p>A test of an entry point reachable from a thread the module does not own asserts what the same test on real
 * core asserts with {@code Context.getUserContext()}: {@link #current()} is the same object before and after, its
 * proxies are the same, and no call at all was made on the caller's thread ({@link #callsOn(Thread)}).
 */
public final class FakeUserContexts implements ModuleSessions.Control {

	/** One thread's user context. */
	public static final class UserContext {

		public final String user;

		public final List<String> proxies = Collections.synchronizedList(new ArrayList<String>());

		UserContext(String user) {
			this.user = user;
		}
	}

	private final ThreadLocal<UserContext> holder = new ThreadLocal<>();

	private final List<String> calls = Collections.synchronizedList(new ArrayList<String>());

	/** As core's login filter: the calling thread gets a user context for {@code user}. */
	public UserContext logIn(String user) {
		UserContext c = new UserContext(user);
		holder.set(c);
		return c;
	}

	/** The calling thread's user context, or {@code null}. */
	public UserContext current() {
		return holder.get();
	}

	public void clear() {
		holder.remove();
	}

	/** Every call so far, as {@code <thread name>: <call>}. */
	public List<String> calls() {
		synchronized (calls) {
			return new ArrayList<>(calls);
		}
	}

	/** The calls made on {@code thread}. */
	public List<String> callsOn(Thread thread) {
		List<String> on = new ArrayList<>();
		for (String call : calls()) {
			if (call.startsWith(thread.getName() + ": ")) {
				on.add(call);
			}
		}
		return on;
	}

	@Override
	public boolean isSessionOpen() {
		record("isSessionOpen");
		return holder.get() != null;
	}

	@Override
	public void openSession() {
		record("openSession");
		holder.set(new UserContext(null));
	}

	@Override
	public void closeSession() {
		record("closeSession");
		holder.remove();
	}

	@Override
	public void addProxyPrivilege(String privilege) {
		record("addProxyPrivilege " + privilege);
		required().proxies.add(privilege);
	}

	@Override
	public void removeProxyPrivilege(String privilege) {
		record("removeProxyPrivilege " + privilege);
		required().proxies.remove(privilege);
	}

	private UserContext required() {
		UserContext c = holder.get();
		if (c == null) {
			// core's APIException message
			throw new IllegalStateException("A user context must first be passed to setUserContext()");
		}
		return c;
	}

	private void record(String call) {
		calls.add(Thread.currentThread().getName() + ": " + call);
	}
}
