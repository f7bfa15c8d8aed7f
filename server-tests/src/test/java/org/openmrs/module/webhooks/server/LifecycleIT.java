package org.openmrs.module.webhooks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.testsupport.Eventually;

/**
 * Lifecycle: the module stopped, started and upgraded through REST while OpenMRS runs (the upgrade by the upload; on
 * core 2.5.0 with REST 2.51.0, where the upload fails for any module, by {@code moduleaction} INSTALL from a URL).
 * Capture goes on, exactly one delivery engine runs afterwards (by its thread names in a thread dump of Tomcat), and
 * events committed before the stop are still delivered. The thread checks need a server this suite started.
 */
@Order(50)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleIT {

	private final Webhooks webhooks = new Webhooks();

	private Webhooks.Subscription target;

	@BeforeAll
	void subscribe() throws Exception {
		webhooks.allowLocalReceivers();
		target = webhooks.subscribe("e2e lifecycle", "patient.*");
	}

	@AfterAll
	void retire() throws Exception {
		if (target != null) {
			webhooks.setGlobalProperty("webhooks.delivery.enabled", "true");
			target.close();
		}
	}

	@Test
	@Order(1)
	void stopAndStartThroughRestKeepsCaptureAndDeliversWhatWasCommittedBefore() throws Exception {
		assertThat(webhooks.started()).isTrue();
		// committed before the stop, not yet delivered (delivery paused)
		webhooks.setGlobalProperty("webhooks.delivery.enabled", "false");
		String before = webhooks.clinic.createPatient();
		assertThat(webhooks.db.count("SELECT COUNT(*) FROM webhooks_event WHERE patient_uuid = ?", before)).isEqualTo(1);

		Rest.Answer stop = webhooks.moduleAction("STOP");
		assertThat(stop.ok()).as("moduleaction STOP: %s", stop.describe()).isTrue();
		assertThat(webhooks.started()).as("stopped").isFalse();
		if (webhooks.config.owned()) {
			Eventually.until("no engine thread while the module is stopped", () -> webhooks.engineThreads().isEmpty(),
			    Duration.ofSeconds(30));
			System.out.println("[e2e] threads of the module while it is stopped: " + webhooks.harness.threads().stream()
			        .filter(t -> t.name().startsWith("webhooks-")).toList());
		}
		webhooks.clinic.createPatient(); // saved while stopped: no event expected, none asserted

		Rest.Answer start = webhooks.moduleAction("START");
		if (!start.ok() && start.status() == 500 && start.body().contains("IndexOutOfBounds")) {
			// REST 3.4.1 sometimes fails to render its answer after the action has run: its class scan
			// (OpenmrsClassScanner, run again after core's context refresh) reads an empty class file while building
			// the ModuleAction representation. The module is started; what a user checks is asserted below.
			System.out.println("[e2e] moduleaction START: the REST module failed to render its answer after the "
			        + "start (" + start.describe() + "); checking the module itself");
		} else {
			assertThat(start.ok()).as("moduleaction START: %s", start.describe()).isTrue();
		}
		webhooks.awaitStarted();
		assertOneEngine();

		webhooks.setGlobalProperty("webhooks.delivery.enabled", "true");
		assertThat(target.awaitAbout(before, 1).get(0).type()).isEqualTo("patient.created");
		String after = webhooks.clinic.createPatient();
		assertThat(target.awaitAbout(after, 1).get(0).type()).as("capture goes on").isEqualTo("patient.created");
		OfficialVerifier.assertVerified(target.secret, target.receiver.requests());
	}

	@Test
	@Order(2)
	void anUpgradeKeepsCaptureWithOneEngine() throws Exception {
		Harness.skipUnless(!"present".equals(webhooks.config.installMode), "the upgrade: WEBHOOKS_INSTALL=present "
		        + "tests the module as installed and installs nothing");
		Path newer = newerBuild(webhooks.config.omod);
		if ("modules".equals(webhooks.config.installMode)) {
			// core 2.5.0 with REST 2.51.0: the upload answers 500 for any module; REST's other way in, a download
			Rest.Answer install = webhooks.installFromUrl(newer);
			assertThat(install.ok()).as("moduleaction INSTALL of a newer build: %s", install.describe()).isTrue();
		} else {
			Rest.Answer upload = webhooks.install(newer);
			Webhooks.assertUploadAnswered(upload, "upload of a newer build");
		}
		webhooks.awaitStarted();
		JsonNode module = webhooks.module();
		assertThat(module.path("version").asText()).startsWith(NEWER_VERSION);
		assertOneEngine();
		String p = webhooks.clinic.createPatient();
		assertThat(target.awaitAbout(p, 1).get(0).type()).as("capture goes on after the upgrade")
		        .isEqualTo("patient.created");
		OfficialVerifier.assertVerified(target.secret, target.requestsAbout(p));
	}

	private void assertOneEngine() throws Exception {
		if (!webhooks.config.owned()) {
			System.out.println("[e2e] SKIPPED the thread check: no thread dump of a server this suite did not start");
			return;
		}
		Eventually.until("the engine's threads", () -> webhooks.engineThreads().size() >= 2, Duration.ofSeconds(60));
		Thread.sleep(3000); // a second engine would have started by now
		assertThat(webhooks.engineThreads()).as("engine threads").containsExactly(Webhooks.DISPATCHER_THREAD,
		    Webhooks.FANOUT_THREAD);
	}

	static final String NEWER_VERSION = "1.0.1-e2e";

	/** The same build under a newer version in config.xml (what a release upgrade looks like to core). */
	static Path newerBuild(Path omod) throws IOException {
		Path out = Files.createTempDirectory("webhooks-e2e").resolve("webhooks-" + NEWER_VERSION + ".omod");
		try (ZipFile in = new ZipFile(omod.toFile()); OutputStream os = Files.newOutputStream(out);
		        ZipOutputStream zip = new ZipOutputStream(os)) {
			Enumeration<? extends ZipEntry> entries = in.entries();
			while (entries.hasMoreElements()) {
				ZipEntry e = entries.nextElement();
				zip.putNextEntry(new ZipEntry(e.getName()));
				try (InputStream is = in.getInputStream(e)) {
					if (e.getName().equals("config.xml")) {
						String xml = new String(is.readAllBytes(), StandardCharsets.UTF_8);
						String bumped = xml.replaceFirst("<version>[^<]*</version>",
						    "<version>" + NEWER_VERSION + "</version>");
						assertThat(bumped).isNotEqualTo(xml);
						zip.write(bumped.getBytes(StandardCharsets.UTF_8));
					} else {
						is.transferTo(zip);
					}
				}
				zip.closeEntry();
			}
		}
		return out;
	}
}
