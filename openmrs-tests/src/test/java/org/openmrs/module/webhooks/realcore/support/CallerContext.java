package org.openmrs.module.webhooks.realcore.support;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openmrs.User;
import org.openmrs.api.context.Context;
import org.openmrs.api.context.UserContext;
import org.springframework.orm.hibernate5.SessionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a core or request thread owns when it calls into the module, and must own unchanged when the call returns:
 * its {@link UserContext} (the same object), the authenticated user, its proxy privileges, and the Hibernate session
 * bound to it, still open. Bugs 0 and 2 of issue 9: the module's own {@code Context.openSession()} /
 * {@code closeSession()} on the caller's thread replaced and then removed the caller's user context (and closed its
 * session), so core's start-up failed and a REST upload answered 401.
 */
public final class CallerContext {

	private final String thread;

	private final UserContext userContext;

	private final User user;

	private final List<String> proxies;

	private final Session session;

	private CallerContext(String thread, UserContext userContext, User user, List<String> proxies, Session session) {
		this.thread = thread;
		this.userContext = userContext;
		this.user = user;
		this.proxies = proxies;
		this.session = session;
	}

	/** The current thread's context; it must have one (as core's threads and request threads do). */
	public static CallerContext capture() {
		if (!Context.isSessionOpen()) {
			throw new IllegalStateException("the calling thread has no user context to protect");
		}
		UserContext uc = Context.getUserContext();
		return new CallerContext(Thread.currentThread().getName(), uc, uc.getAuthenticatedUser(), proxies(uc),
		        boundSession());
	}

	/**
	 * Asserts the current thread still has exactly what it had at {@link #capture()}; the message lists every
	 * difference.
	 */
	public void assertUnchanged(String after) {
		List<String> differences = new ArrayList<>();
		if (!Thread.currentThread().getName().equals(thread)) {
			throw new IllegalStateException("compare on the thread that captured");
		}
		if (!Context.isSessionOpen()) {
			differences.add("the user context was removed from the thread (Context.isSessionOpen() is false:"
			        + " the next Context call of the caller fails with 'A user context must first be passed to setUserContext()')");
		} else {
			UserContext now = Context.getUserContext();
			if (now != userContext) {
				differences.add("the thread's UserContext was replaced by another object");
			}
			if (!Objects.equals(now.getAuthenticatedUser(), user)) {
				differences.add("the authenticated user changed from " + describe(user) + " to "
				        + describe(now.getAuthenticatedUser()));
			}
			if (!proxies(now).equals(proxies)) {
				differences.add("the proxy privileges changed from " + proxies + " to " + proxies(now));
			}
		}
		Session nowSession = boundSession();
		if (nowSession != session) {
			differences.add("the Hibernate session bound to the thread changed (" + (nowSession == null ? "none bound now"
			        : "another one bound") + ")");
		} else if (session != null && !session.isOpen()) {
			differences.add("the caller's Hibernate session was closed");
		}
		if (!differences.isEmpty()) {
			throw new AssertionError("After " + after + ", the calling thread's context differs: " + differences);
		}
	}

	/** Gives the thread a working context again after a test that broke it, so the next tests start clean. */
	public static void repair() {
		if (!Context.isSessionOpen() || boundSession() == null || !boundSession().isOpen()) {
			if (boundSession() != null && !boundSession().isOpen()) {
				TransactionSynchronizationManager.unbindResource(sessionFactory());
			}
			if (Context.isSessionOpen()) {
				Context.clearUserContext();
			}
			Context.openSession();
		}
	}

	private static String describe(User u) {
		return u == null ? "nobody" : "user " + u.getUserId();
	}

	@SuppressWarnings("unchecked")
	private static List<String> proxies(UserContext uc) {
		try {
			Field f = UserContext.class.getDeclaredField("proxies");
			f.setAccessible(true);
			return new ArrayList<>((List<String>) f.get(uc));
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("UserContext.proxies is not readable in this core version", e);
		}
	}

	private static Session boundSession() {
		Object holder = TransactionSynchronizationManager.getResource(sessionFactory());
		return holder instanceof SessionHolder ? ((SessionHolder) holder).getSession() : null;
	}

	private static SessionFactory sessionFactory() {
		return Context.getRegisteredComponent("sessionFactory", SessionFactory.class);
	}
}
