package org.openmrs.module.webhooks.web.representation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.openmrs.api.context.Context;

/**
 * An OpenMRS session (opened here only when the thread has none, and then closed here) and, for the duration of
 * the read, proxy privileges to read what the REST representations of patients, encounters, obs and visits
 * contain. Read privileges only; removed in {@code finally}, one by one, so a caller's own proxies survive.
 */
final class ContextReadSession implements ReadSession {

	/**
	 * Core's privilege names (PrivilegeConstants, values checked against its listing): the resources and what
	 * their representations nest (people, names, identifiers, concepts, locations, types, providers, orders …).
	 */
	static final List<String> READ_PRIVILEGES = Collections.unmodifiableList(Arrays.asList("Get Patients",
	    "Get Patient Identifiers", "Get Identifier Types", "Get People", "Get Person Attribute Types",
	    "Get Relationships", "Get Encounters", "Get Encounter Types", "Get Encounter Roles", "Get Observations",
	    "Get Visits", "Get Visit Types", "Get Visit Attribute Types", "Get Concepts", "Get Locations", "Get Forms",
	    "Get Providers", "Get Users", "Get Orders", "Get Care Settings", "Get Order Types", "Get Diagnoses",
	    "Get Conditions", "Get Allergies", "Get Global Properties"));

	@Override
	public <T> T read(Supplier<T> work) {
		boolean opened = false;
		if (!Context.isSessionOpen()) {
			Context.openSession();
			opened = true;
		}
		try {
			return withPrivileges(work);
		}
		finally {
			if (opened) {
				Context.closeSession();
			}
		}
	}

	private static <T> T withPrivileges(Supplier<T> work) {
		int added = 0;
		try {
			for (String privilege : READ_PRIVILEGES) {
				Context.addProxyPrivilege(privilege);
				added++;
			}
			return work.get();
		}
		finally {
			for (int i = 0; i < added; i++) {
				Context.removeProxyPrivilege(READ_PRIVILEGES.get(i));
			}
		}
	}
}
