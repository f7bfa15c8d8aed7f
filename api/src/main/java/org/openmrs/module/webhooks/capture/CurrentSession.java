package org.openmrs.module.webhooks.capture;

import org.hibernate.Session;

/** The Hibernate session bound to the committing transaction; a seam so tests bring their own factory. */
interface CurrentSession {

	/** Never {@code null}; throws when there is none. */
	Session get();
}
