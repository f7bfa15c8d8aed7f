package org.openmrs.module.webhooks.web;

import org.openmrs.api.context.Context;

/** {@link Privileges} of the user OpenMRS authenticated for this request (session cookie or Basic auth). */
final class ContextPrivileges implements Privileges {

	@Override
	public boolean isAuthenticated() {
		return Context.isAuthenticated();
	}

	@Override
	public boolean hasPrivilege(String privilege) {
		return Context.hasPrivilege(privilege);
	}
}
