package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Install: the .omod goes in the way the README tells users (REST upload; on core 2.5.0 with REST 2.51.0, whose
 * upload answers 500 for any module, the modules folder and a restart), and the module is there as a user would
 * check: started, its tables, its privileges and its global properties.
 */
@Order(10)
class InstallIT {

	private final Webhooks webhooks = new Webhooks();

	@Test
	@Order(1)
	void theOmodInstallsAndTheModuleStarts() throws Exception {
		System.out.println("[e2e] installing " + webhooks.config.omod + " into " + webhooks.config.url + " ("
		        + webhooks.config.installMode + ")");
		Rest.Answer upload = webhooks.install(webhooks.config.omod);
		if (upload != null) {
			Webhooks.assertUploadAnswered(upload, "POST /ws/rest/v1/module with the .omod");
		}
		webhooks.awaitStarted();
		JsonNode module = webhooks.module();
		assertThat(module.path("started").asBoolean()).as("module started: %s", module).isTrue();
		assertThat(module.path("startupErrorMessage").isNull() || module.path("startupErrorMessage").isMissingNode())
		        .as("startup error: %s", module.path("startupErrorMessage")).isTrue();
		// the administrator who installed it is still signed in
		assertThat(webhooks.rest.get("/ws/rest/v1/session").json().path("authenticated").asBoolean()).isTrue();
	}

	@Test
	@Order(2)
	void itsTablesExist() throws Exception {
		assertThat(webhooks.db.tables()).contains("webhooks_event", "webhooks_target", "webhooks_delivery",
		    "webhooks_attempt", "webhooks_counter");
	}

	@Test
	@Order(3)
	void itsPrivilegesExist() throws Exception {
		assertThat(webhooks.db.strings("SELECT privilege FROM privilege WHERE privilege LIKE ?", "% Webhooks"))
		        .contains("Manage Webhooks", "Get Webhooks");
		Rest.Answer a = webhooks.rest.get("/ws/rest/v1/privilege/Manage%20Webhooks");
		assertThat(a.status()).as("GET privilege Manage Webhooks: %s", a.describe()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void itsGlobalPropertiesExist() throws Exception {
		List<String> gps = webhooks.db.strings("SELECT property FROM global_property WHERE property LIKE ?",
		    "webhooks.%");
		assertThat(gps).contains("webhooks.delivery.enabled", "webhooks.delivery.workers", "webhooks.retention.days",
		    "webhooks.egress.allowHttp", "webhooks.egress.allowedCidrs", "webhooks.egress.deniedCidrs",
		    "webhooks.instanceName");
		assertThat(webhooks.globalProperty("webhooks.delivery.enabled")).isEqualTo("true");
	}
}
