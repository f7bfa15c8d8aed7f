package org.openmrs.module.webhooks.web.testing;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.web.Guard;
import org.openmrs.module.webhooks.web.Privileges;

/** A settable caller: anonymous, or logged in with some privileges. */
public final class TestPrivileges implements Privileges {

	private boolean authenticated;

	private final Set<String> privileges = new HashSet<>();

	public static TestPrivileges anonymous() {
		return new TestPrivileges();
	}

	public static TestPrivileges loggedInWith(String... privileges) {
		TestPrivileges p = new TestPrivileges();
		p.authenticated = true;
		p.privileges.addAll(Arrays.asList(privileges));
		return p;
	}

	public static TestPrivileges manager() {
		return loggedInWith(WebhooksConstants.PRIV_MANAGE_WEBHOOKS, WebhooksConstants.PRIV_GET_WEBHOOKS);
	}

	public static TestPrivileges viewer() {
		return loggedInWith(WebhooksConstants.PRIV_GET_WEBHOOKS);
	}

	public Guard guard() {
		return new Guard(this);
	}

	@Override
	public boolean isAuthenticated() {
		return authenticated;
	}

	@Override
	public boolean hasPrivilege(String privilege) {
		return privileges.contains(privilege);
	}
}
