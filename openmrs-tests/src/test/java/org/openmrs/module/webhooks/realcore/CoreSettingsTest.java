package org.openmrs.module.webhooks.realcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.delivery.GlobalPropertySettings;
import org.openmrs.module.webhooks.delivery.SettingsChangeListener;
import org.openmrs.module.webhooks.delivery.http.EgressPolicy;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.realcore.support.GlobalProperties;
import org.openmrs.module.webhooks.realcore.support.OwnThread;
import org.openmrs.module.webhooks.realcore.support.Outbox;
import org.openmrs.module.webhooks.target.SecretCipher;
import org.openmrs.util.Security;

/**
 * The module's parts that talk to core's {@code Context} directly, with the real one: the engine's settings from
 * real global properties, secrets encrypted with core's {@code Security} under the installation key, and the
 * global property listener core calls on a change. Settings are read on a thread of their own, as the delivery
 * engine reads them (on a caller's thread see {@link CallerThreadContextTest}).
 */
public class CoreSettingsTest extends RealCoreTest {

	private GlobalProperties gps;

	private GlobalPropertySettings settings;

	@BeforeEach
	public void beans() {
		gps = new GlobalProperties();
		settings = applicationContext.getBean("webhooksSettings", GlobalPropertySettings.class);
	}

	@AfterEach
	public void restoreGlobalProperties() {
		gps.close();
		settings.invalidate();
	}

	@Test
	public void settings_shouldReadTheModulesGlobalPropertiesFromCore() throws Exception {
		gps.set(WebhooksConstants.GP_DELIVERY_ENABLED, "false").set(WebhooksConstants.GP_DELIVERY_WORKERS, "7")
		        .set(WebhooksConstants.GP_RETENTION_DAYS, "12").set(WebhooksConstants.GP_INSTANCE_NAME, " clinic-a ")
		        .set(WebhooksConstants.GP_EGRESS_ALLOW_HTTP, "true")
		        .set(WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS, "127.0.0.1/32")
		        .set(WebhooksConstants.GP_EGRESS_DENIED_CIDRS, "10.0.0.0/8");
		settings.invalidate();

		List<Object> read = OwnThread.call("engine-like-reader", () -> Arrays.asList(settings.deliveryEnabled(),
		    settings.workers(), settings.retentionDays(), settings.instanceName(), settings.egressPolicy()));

		assertThat(read.subList(0, 4)).containsExactly(false, 7, 12, "clinic-a");
		EgressPolicy egress = (EgressPolicy) read.get(4);
		assertThat(egress.isAllowHttp()).isTrue();
		assertThat(egress.getAllowedCidrs()).containsExactly("127.0.0.1/32");
		assertThat(egress.getDeniedCidrs()).containsExactly("10.0.0.0/8");
	}

	@Test
	public void settings_shouldUseConfigXmlDefaultsForValuesThatAreNotNumbers() throws Exception {
		gps.set(WebhooksConstants.GP_DELIVERY_WORKERS, "lots").set(WebhooksConstants.GP_RETENTION_DAYS, "");
		settings.invalidate();

		List<Integer> read = OwnThread.call("engine-like-reader",
		    () -> Arrays.asList(settings.workers(), settings.retentionDays()));

		assertThat(read).containsExactly(4, 30);
	}

	@Test
	public void secretCipher_shouldRoundTripUnderTheInstallationKeyOfCoresSecurity() {
		SecretCipher cipher = applicationContext.getBean("webhooksSecretCipher", SecretCipher.class);
		String secret = "k3y-0f-the-receiver-4242";

		String stored = cipher.encrypt(secret);
		String again = cipher.encrypt(secret);

		assertThat(stored).startsWith("v1:").doesNotContain(secret);
		assertThat(again).as("a fresh IV per value").isNotEqualTo(stored);
		assertThat(cipher.decrypt(stored)).isEqualTo(secret);
		assertThat(cipher.decrypt(again)).isEqualTo(secret);
		// it is core's cipher under core's key: core's Security decrypts it on its own
		String[] parts = stored.split(":", 3);
		assertThat(Security.decrypt(parts[2], Base64.getDecoder().decode(parts[1]), Security.getSavedSecretKey()))
		        .isEqualTo(secret);
		Throwable tampered = catchThrowable(() -> cipher.decrypt(parts[0] + ":" + parts[1] + ":" + "AAAA" + parts[2]));
		assertThat(tampered).isInstanceOf(IllegalStateException.class);
		assertThat(tampered.getMessage()).doesNotContain(secret);
	}

	@Test
	public void targetService_shouldStoreCredentialsEncryptedWithCoresSecurity() {
		TargetService targets = Context.getService(TargetService.class);
		Target t = new Target();
		t.setName("Encrypted at rest");
		t.setUrl("https://receiver.example.org/hook");
		t.setEventTypes(Collections.singletonList("patient.*"));
		TargetAuth auth = new TargetAuth();
		auth.setType(TargetAuth.API_KEY);
		auth.setHeaderName("x-api-key");
		auth.setValue("api-key-value-0123456789");
		t.setAuth(auth);

		SavedTarget saved = targets.saveTarget(t);

		String uuid = saved.getTarget().getUuid();
		assertThat(saved.getTarget().getAuth().getValue()).as("read back masked").isEqualTo("****6789");
		String row = Outbox.text("webhooks_target", "config", "uuid", uuid);
		assertThat(row).doesNotContain("api-key-value-0123456789").contains("v1:");
	}

	@Test
	public void allowHttpFlag_shouldBeReadFromTheGlobalPropertyOnEachSave() {
		TargetService targets = Context.getService(TargetService.class);
		Target t = new Target();
		t.setName("Plain http");
		t.setUrl("http://receiver.example.org/hook");
		t.setEventTypes(Collections.singletonList("*"));

		gps.set(WebhooksConstants.GP_EGRESS_ALLOW_HTTP, "false");
		Throwable refused = catchThrowable(() -> targets.saveTarget(t));
		gps.set(WebhooksConstants.GP_EGRESS_ALLOW_HTTP, "true");
		SavedTarget saved = targets.saveTarget(t);

		assertThat(refused).isInstanceOf(TargetValidationException.class);
		assertThat(((TargetValidationException) refused).getFieldErrors()).containsKey("url");
		assertThat(saved.getTarget().getUuid()).isNotNull();
	}

	@Test
	public void globalPropertyListener_registeredWithCore_shouldApplyAChangeAtOnce() throws Exception {
		SettingsChangeListener listener = applicationContext.getBean("webhooksSettingsListener",
		    SettingsChangeListener.class);
		gps.set(WebhooksConstants.GP_INSTANCE_NAME, "before");
		settings.invalidate();
		assertThat(readInstanceName()).isEqualTo("before");

		// not registered: the change waits for the settings cache to expire (5 s)
		long readAt = System.currentTimeMillis();
		gps.set(WebhooksConstants.GP_INSTANCE_NAME, "unheard");
		String stale = readInstanceName();
		boolean withinCache = System.currentTimeMillis() - readAt < 4_000;

		listener.start(); // as the activator starts it: registers with core's AdministrationService
		try {
			gps.set(WebhooksConstants.GP_INSTANCE_NAME, "heard");
			assertThat(readInstanceName()).as("read right after a committed change").isEqualTo("heard");
		}
		finally {
			listener.stop();
		}
		assumeTrue(withinCache, "the machine was too slow to see the cached value");
		assertThat(stale).as("without the listener, within the cache time").isEqualTo("before");
	}

	private String readInstanceName() throws Exception {
		return OwnThread.call("engine-like-reader", settings::instanceName);
	}
}
