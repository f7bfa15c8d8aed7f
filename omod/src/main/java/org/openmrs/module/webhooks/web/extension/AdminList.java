package org.openmrs.module.webhooks.web.extension;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.web.extension.AdministrationSectionExt;

/**
 * The "Webhooks" section of the legacy admin page (legacyui), linking to the module's own page. Declared in
 * config.xml on {@code org.openmrs.admin.list}; without legacyui it fails to load with a logged warning and
 * the module runs on. The page itself is served by core at {@code /moduleResources/webhooks/...}.
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
