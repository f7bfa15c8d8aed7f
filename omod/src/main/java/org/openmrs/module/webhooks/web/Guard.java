package org.openmrs.module.webhooks.web;

import org.openmrs.api.APIAuthenticationException;

/**
 * The privilege check at the top of every REST entry point. The services check again with {@code @Authorized};
 * this one also covers what reaches no service (the event-type catalogue) and fails before any input is read.
 *
 * <p>It throws {@link APIAuthenticationException}, which the REST module answers with 401 when nobody is logged
 * in and 403 otherwise. (Core's {@code Context.requirePrivilege} throws an exception the REST module would
 * answer with 500, hence our own check.) Anonymous callers are refused even if the Anonymous role were given a
 * webhooks privilege: targets describe where patient data goes.
 */
public final class Guard {

	private final Privileges privileges;

	public Guard(Privileges privileges) {
		this.privileges = privileges;
	}

	/** @throws APIAuthenticationException when not logged in or lacking {@code privilege} */
	public void require(String privilege) {
		if (!privileges.isAuthenticated() || !privileges.hasPrivilege(privilege)) {
			throw new APIAuthenticationException("Privileges required: " + privilege);
		}
	}
}
