package org.openmrs.module.webhooks.target;

import java.util.function.BooleanSupplier;

import org.openmrs.api.context.Context;

/**
 * A boolean global property such as {@code webhooks.egress.allowHttp}, read on each call (saves are rare, and a
 * change by an administrator then applies at once). Needs an OpenMRS session on the calling thread.
 */
public final class GlobalPropertyFlag implements BooleanSupplier {

	/** Core's PrivilegeConstants.GET_GLOBAL_PROPERTIES, needed to read a global property from core 2.6.11 on. */
	private static final String GET_GLOBAL_PROPERTIES = "Get Global Properties";

	private final String name;

	private final boolean defaultValue;

	public GlobalPropertyFlag(String name, boolean defaultValue) {
		this.name = name;
		this.defaultValue = defaultValue;
	}

	@Override
	public boolean getAsBoolean() {
		String value;
		// the user managing targets need not be allowed to read global properties in general
		Context.addProxyPrivilege(GET_GLOBAL_PROPERTIES);
		try {
			value = Context.getAdministrationService().getGlobalProperty(name);
		}
		finally {
			Context.removeProxyPrivilege(GET_GLOBAL_PROPERTIES);
		}
		return value == null || value.trim().isEmpty() ? defaultValue : Boolean.parseBoolean(value.trim());
	}
}
