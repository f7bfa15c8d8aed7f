package org.openmrs.module.webhooks;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a piece of work that needs an OpenMRS user context (reading global properties, the REST representation
 * of a patient …) without ever changing the user context of a thread the module does not own.
 *
 * <ul>
 * <li>On a module thread ({@link ModuleThreads#isModuleThread()}): here, in the thread's session, opened here
 * (and closed here) only when the thread has none.</li>
 * <li>On any other thread (core's start-up thread, a request thread): on a new module thread, which the caller
 * waits for. The caller's user context, its proxy privileges and its session are not touched at all: the module
 * calls no {@code Context} method on that thread.</li>
 * </ul>
 * The privileges are added as proxy privileges for the work only, and removed one by one in {@code finally}.
 */
public final class ModuleSessions {

	/** What of core's static {@code Context} this uses: a seam, because the stub Context cannot run in unit tests. */
	public interface Control {

		boolean isSessionOpen();

		void openSession();

		void closeSession();

		void addProxyPrivilege(String privilege);

		void removeProxyPrivilege(String privilege);
	}

	/** How long a caller on a foreign thread waits for the module thread by default. */
	public static final long DEFAULT_WAIT_MILLIS = 30_000;

	public static final List<String> NO_PRIVILEGES = Collections.emptyList();

	private final Control control;

	private final long waitMillis;

	public ModuleSessions(Control control, long waitMillis) {
		this.control = control;
		this.waitMillis = waitMillis;
	}

	/** Over core's {@code Context}. */
	public static ModuleSessions ofContext() {
		return new ModuleSessions(new ContextControl(), DEFAULT_WAIT_MILLIS);
	}

	/**
	 * @param purpose names the module thread, when one is started ({@code webhooks-<purpose>}), and error messages
	 * @return what {@code work} returned
	 * @throws RuntimeException what {@code work} threw; {@link IllegalStateException} when a foreign caller waited
	 *             longer than the limit (the work then goes on, on its own thread) or was interrupted
	 */
	public <T> T call(String purpose, List<String> privileges, Supplier<T> work) {
		if (ModuleThreads.isModuleThread()) {
			return inSession(privileges, work);
		}
		return onModuleThread(purpose, privileges, work);
	}

	private <T> T inSession(List<String> privileges, Supplier<T> work) {
		boolean opened = false;
		if (!control.isSessionOpen()) {
			control.openSession();
			opened = true;
		}
		try {
			return withPrivileges(privileges, work);
		}
		finally {
			if (opened) {
				control.closeSession();
			}
		}
	}

	private <T> T withPrivileges(List<String> privileges, Supplier<T> work) {
		int added = 0;
		try {
			for (String privilege : privileges) {
				control.addProxyPrivilege(privilege);
				added++;
			}
			return work.get();
		}
		finally {
			for (int i = 0; i < added; i++) {
				control.removeProxyPrivilege(privileges.get(i));
			}
		}
	}

	private <T> T onModuleThread(String purpose, final List<String> privileges, final Supplier<T> work) {
		FutureTask<T> task = new FutureTask<T>(new Callable<T>() {

			@Override
			public T call() {
				return inSession(privileges, work);
			}
		});
		ModuleThreads.newThread(task, purpose).start();
		try {
			return task.get(waitMillis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("Webhooks: " + purpose + " did not finish within " + waitMillis + " ms", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Webhooks: interrupted while waiting for " + purpose, e);
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) {
				throw (RuntimeException) cause;
			}
			if (cause instanceof Error) {
				throw (Error) cause;
			}
			throw new IllegalStateException("Webhooks: " + purpose + " failed", cause);
		}
	}
}
