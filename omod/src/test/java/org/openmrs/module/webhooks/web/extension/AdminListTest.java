package org.openmrs.module.webhooks.web.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
	void configXml_shouldDeclareTheExtensionOnTheAdminList() throws Exception {
		Document config;
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		try (InputStream in = getClass().getResourceAsStream("/config.xml")) {
			config = factory.newDocumentBuilder().parse(in);
		}

		NodeList extensions = config.getElementsByTagName("extension");
		assertThat(extensions.getLength()).isEqualTo(1);
		Element extension = (Element) extensions.item(0);
		assertThat(text(extension, "point")).isEqualTo("org.openmrs.admin.list");
		assertThat(text(extension, "class")).isEqualTo(AdminList.class.getName());
	}

	private static String text(Element parent, String tag) {
		return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
	}
}
