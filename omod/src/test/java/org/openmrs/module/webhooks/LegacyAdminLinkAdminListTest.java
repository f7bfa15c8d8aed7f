package org.openmrs.module.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmrs.module.Extension;
import org.openmrs.module.webhooks.web.extension.AdminList;

/**
 * What production's {@link LegacyAdminLink.ModuleFactoryCore} makes of the omod's extension class, named in the
 * api: the section legacyui's admin page lists (in the api package: the core is the link's own).
 */
class LegacyAdminLinkAdminListTest {

	@Test
	void moduleFactoryCore_shouldCreateTheAdminListSection_forTheAdminListPoint() {
		LegacyAdminLink.Core production = new LegacyAdminLink.ModuleFactoryCore(getClass().getClassLoader());

		Object created = production.newExtension(LegacyAdminLink.EXTENSION_CLASS, LegacyAdminLink.POINT,
		    WebhooksConstants.MODULE_ID);

		assertThat(created).isExactlyInstanceOf(AdminList.class);
		Extension extension = (Extension) created;
		assertThat(extension.getPointId()).isEqualTo("org.openmrs.admin.list");
		assertThat(extension.getModuleId()).isEqualTo("webhooks");
	}
}
