package org.openmrs.module.webhooks.web;

/**
 * Who is calling, as far as privilege checks go. Production reads OpenMRS's {@code Context}; tests set the
 * answers. A seam of its own because {@code Context} is static and cannot run here.
 */
public interface Privileges {

	boolean isAuthenticated();

	boolean hasPrivilege(String privilege);

	/** The current OpenMRS user of this thread. */
	static Privileges fromContext() {
		return new ContextPrivileges();
	}
}
