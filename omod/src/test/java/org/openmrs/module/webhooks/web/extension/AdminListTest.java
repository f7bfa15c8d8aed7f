package org.openmrs.module.webhooks.web.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.openmrs.module.web.extension.AdministrationSectionExt;
import org.openmrs.module.webhooks.LegacyAdminLink;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AdminListTest {

	@Test
	void adminList_shouldLinkToTheAdminPageWithMessageCodes() throws Exception {
		AdminList ext = new AdminList();

		assertThat(ext.getTitle()).isEqualTo("webhooks.title");
		assertThat(ext.getLinks()).containsExactly(
		    java.util.Map.entry("/moduleResources/webhooks/admin/index.html", "webhooks.admin.manage"));
		assertThat(ext.getRequiredPrivilege()).isEqualTo("Get Webhooks");
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(in);
		}
		assertThat(messages).containsKeys("webhooks.title", "webhooks.admin.manage");
	}

	@Test
	void configXml_shouldDeclareNoExtension_theActivatorAddsItWhileLegacyuiRuns() throws Exception {
		Document config;
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		try (InputStream in = getClass().getResourceAsStream("/config.xml")) {
			config = factory.newDocumentBuilder().parse(in);
		}

		// a declared extension extending a legacyui class makes core warn on every server without legacyui
		assertThat(config.getElementsByTagName("extension").getLength()).isZero();
		Element awareOf = (Element) config.getElementsByTagName("aware_of_modules").item(0);
		assertThat(text(awareOf, "aware_of_module")).isEqualTo("org.openmrs.module.legacyui");
		// what the activator's LegacyAdminLink creates by name, and legacyui's page requires
		Class<?> named = Class.forName(LegacyAdminLink.EXTENSION_CLASS);
		assertThat(named).isEqualTo(AdminList.class);
		assertThat(AdministrationSectionExt.class).isAssignableFrom(named);
		assertThat(LegacyAdminLink.POINT).isEqualTo("org.openmrs.admin.list");
	}

	private static String text(Element parent, String tag) {
		return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
	}
}
