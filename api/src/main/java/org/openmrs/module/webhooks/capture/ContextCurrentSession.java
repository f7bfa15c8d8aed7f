package org.openmrs.module.webhooks.capture;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openmrs.api.context.Context;

/**
 * Core's session factory, looked up at first use: the interceptor is built while that factory is being built,
 * so it cannot be injected (constructor injection took OpenMRS down at boot, REFERENCE.md).
 */
final class ContextCurrentSession implements CurrentSession {

	private volatile SessionFactory factory;

	@Override
	public Session get() {
		SessionFactory f = factory;
		if (f == null) {
			f = Context.getRegisteredComponent("sessionFactory", SessionFactory.class);
			factory = f;
		}
		return f.getCurrentSession();
	}
}
