package org.openmrs.module.webhooks.web.representation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.openmrs.module.webhooks.ModuleSessions;

/**
 * The read runs through {@link ModuleSessions}: on a delivery thread (the module's own) in that thread's session,
 * opened there when it has none; on any other thread on a module thread the caller waits for, so a thread the
 * module does not own keeps its user context untouched. For the duration of the read it holds proxy privileges to
 * read what the REST representations of patients, encounters, obs and visits contain: read privileges only,
 * removed in {@code finally}, one by one.
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

	private final ModuleSessions sessions;

	ContextReadSession() {
		this(ModuleSessions.ofContext());
	}

	ContextReadSession(ModuleSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public <T> T read(Supplier<T> work) {
		return sessions.call("representation", READ_PRIVILEGES, work);
	}
}
