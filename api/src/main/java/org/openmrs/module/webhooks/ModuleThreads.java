package org.openmrs.module.webhooks;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread the module starts comes from here: a daemon thread (it never keeps Tomcat's JVM alive), named
 * {@code webhooks-…} (a thread dump tells the module's threads apart), and known as the module's own
 * ({@link #isModuleThread()}).
 *
 * <p>Why the last: the module opens and closes OpenMRS sessions only on threads it owns. A thread it does not own
 * (core's start-up thread, a request thread, core's scheduler) carries a user context that OpenMRS still needs
 * after the module's code returns; {@code Context.closeSession()} there would log the user out or take OpenMRS's
 * start-up down. {@link ModuleSessions} asks this class which case it is in.
 */
public final class ModuleThreads {

	/** The first characters of every module thread's name. */
	public static final String PREFIX = "webhooks-";

	private static final ThreadLocal<Boolean> OWN = new ThreadLocal<Boolean>();

	private ModuleThreads() {
	}

	/**
	 * A daemon thread of the module, not started.
	 *
	 * @param name its name; {@link #PREFIX} is put in front when it does not start with it
	 */
	public static Thread newThread(final Runnable work, String name) {
		Thread t = new Thread(new Runnable() {

			@Override
			public void run() {
				OWN.set(Boolean.TRUE);
				try {
					work.run();
				}
				finally {
					OWN.remove();
				}
			}
		}, named(name));
		t.setDaemon(true);
		return t;
	}

	/** Threads all named {@code name} (for executors with one thread). */
	public static ThreadFactory factory(final String name) {
		return new ThreadFactory() {

			@Override
			public Thread newThread(Runnable r) {
				return ModuleThreads.newThread(r, name);
			}
		};
	}

	/** Threads named {@code name-1}, {@code name-2} … (for pools). */
	public static ThreadFactory numbered(final String name) {
		final AtomicInteger n = new AtomicInteger();
		return new ThreadFactory() {

			@Override
			public Thread newThread(Runnable r) {
				return ModuleThreads.newThread(r, name + "-" + n.incrementAndGet());
			}
		};
	}

	/** Whether the calling thread is one of the module's own (made here). */
	public static boolean isModuleThread() {
		return OWN.get() == Boolean.TRUE;
	}

	static String named(String name) {
		return name.startsWith(PREFIX) ? name : PREFIX + name;
	}
}
