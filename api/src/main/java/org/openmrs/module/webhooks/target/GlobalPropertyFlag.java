package org.openmrs.module.webhooks.target;

import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.ModuleSessions;

/**
 * A boolean global property such as {@code webhooks.egress.allowHttp}, read on each call (saves are rare, and a
 * change by an administrator then applies at once).
 *
 * <p>Called on the request thread of a target save: the read runs through {@link ModuleSessions}, on a module
 * thread with the proxy privilege "Get Global Properties" (the user managing targets need not be allowed to read
 * global properties in general), so the request's user context is never touched.
 */
public final class GlobalPropertyFlag implements BooleanSupplier {

	/** Core's PrivilegeConstants.GET_GLOBAL_PROPERTIES, needed to read a global property from core 2.6.11 on. */
	private static final List<String> PRIVILEGES = Collections.singletonList("Get Global Properties");

	private final String name;

	private final boolean defaultValue;

	private final ModuleSessions sessions;

	private final Function<String, String> globalProperties;

	/** As moduleApplicationContext.xml builds it: over core's {@code Context}. */
	public GlobalPropertyFlag(String name, boolean defaultValue) {
		this(name, defaultValue, ModuleSessions.ofContext(),
		        property -> Context.getAdministrationService().getGlobalProperty(property));
	}

	GlobalPropertyFlag(String name, boolean defaultValue, ModuleSessions sessions,
	    Function<String, String> globalProperties) {
		this.name = name;
		this.defaultValue = defaultValue;
		this.sessions = sessions;
		this.globalProperties = globalProperties;
	}

	@Override
	public boolean getAsBoolean() {
		String value = sessions.call("setting-read", PRIVILEGES, () -> globalProperties.apply(name));
		return value == null || value.trim().isEmpty() ? defaultValue : Boolean.parseBoolean(value.trim());
	}
}
