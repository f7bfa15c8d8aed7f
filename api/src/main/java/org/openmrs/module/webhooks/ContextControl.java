package org.openmrs.module.webhooks;

import org.openmrs.api.context.Context;

/** {@link ModuleSessions.Control} over core's {@code Context}; used on the module's own threads only. */
final class ContextControl implements ModuleSessions.Control {

	@Override
	public boolean isSessionOpen() {
		return Context.isSessionOpen();
	}

	@Override
	public void openSession() {
		Context.openSession();
	}

	@Override
	public void closeSession() {
		Context.closeSession();
	}

	@Override
	public void addProxyPrivilege(String privilege) {
		Context.addProxyPrivilege(privilege);
	}

	@Override
	public void removeProxyPrivilege(String privilege) {
		Context.removeProxyPrivilege(privilege);
	}
}
