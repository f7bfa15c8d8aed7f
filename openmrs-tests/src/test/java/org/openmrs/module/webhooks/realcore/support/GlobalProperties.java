package org.openmrs.module.webhooks.realcore.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.GlobalProperty;
import org.openmrs.api.AdministrationService;
import org.openmrs.api.context.Context;

/**
 * Sets the module's global properties through core's AdministrationService (each save commits) and puts back the
 * values they had, so that tests sharing the one database do not see each other's settings.
 */
public final class GlobalProperties implements AutoCloseable {

	private final Map<String, String> before = new LinkedHashMap<>();

	public GlobalProperties set(String name, String value) {
		AdministrationService admin = Context.getAdministrationService();
		GlobalProperty gp = admin.getGlobalPropertyObject(name);
		if (!before.containsKey(name)) {
			before.put(name, gp == null ? null : gp.getPropertyValue());
		}
		if (gp == null) {
			gp = new GlobalProperty(name, value);
		} else {
			gp.setPropertyValue(value);
		}
		admin.saveGlobalProperty(gp);
		return this;
	}

	/** Puts back the values of before the first {@link #set}; needs a thread with an authenticated user. */
	@Override
	public void close() {
		AdministrationService admin = Context.getAdministrationService();
		for (Map.Entry<String, String> e : before.entrySet()) {
			GlobalProperty gp = admin.getGlobalPropertyObject(e.getKey());
			if (e.getValue() == null) {
				if (gp != null) {
					admin.purgeGlobalProperty(gp);
				}
			} else {
				gp.setPropertyValue(e.getValue());
				admin.saveGlobalProperty(gp);
			}
		}
		before.clear();
	}
}
