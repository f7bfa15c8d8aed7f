package org.openmrs.module.webhooks.web.extension;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.web.extension.AdministrationSectionExt;

/**
 * The "Webhooks" section of the legacy admin page (legacyui), linking to the module's own page. It extends
 * legacyui's {@code AdministrationSectionExt} because legacyui's page shows only extensions of that class; so it
 * is not declared in config.xml (without legacyui core could not load it and would warn): the activator's
 * {@link org.openmrs.module.webhooks.LegacyAdminLink} creates it by name and adds it to the extension point
 * {@code org.openmrs.admin.list} while legacyui runs. Nothing else may refer to this class: loading it needs
 * legacyui. The page itself is served by core at {@code /moduleResources/webhooks/...}.
 */
public class AdminList extends AdministrationSectionExt {

	static final String PAGE = "/moduleResources/webhooks/admin/index.html";

	@Override
	public String getTitle() {
		return "webhooks.title";
	}

	/** Hidden from users who may not even read targets; the REST API checks again on every call. */
	@Override
	public String getRequiredPrivilege() {
		return WebhooksConstants.PRIV_GET_WEBHOOKS;
	}

	/** Relative: legacyui prepends the context path. */
	@Override
	public Map<String, String> getLinks() {
		Map<String, String> links = new LinkedHashMap<String, String>();
		links.put(PAGE, "webhooks.admin.manage");
		return links;
	}
}
