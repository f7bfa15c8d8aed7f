package org.openmrs.module.webhooks.realcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.openmrs.Patient;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.delivery.DeliveryEngine;
import org.openmrs.module.webhooks.delivery.GlobalPropertySettings;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.realcore.support.ClinicalData;
import org.openmrs.module.webhooks.realcore.support.Engine;
import org.openmrs.module.webhooks.realcore.support.GlobalProperties;
import org.openmrs.module.webhooks.realcore.support.Receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole path on the real core: a patient saved through core's PatientService, captured, fanned out and sent by
 * the module's delivery engine (the Spring bean, started as the activator starts it, on threads of its own) to a real
 * HTTP receiver, signed as Standard Webhooks specifies, and recorded as delivered.
 *
 * <p>Core's test database is H2 1.4.200 (the H2 of core 2.5 to 2.8), which has no {@code SKIP LOCKED}: the engine
 * must see that ({@code DatabaseCapabilities}) and fan out with a plain {@code FOR UPDATE} and claim optimistically.
 */
public class DeliveryEngineTest extends RealCoreTest {

	@Test
	public void engine_shouldDeliverASignedPatientCreatedToAReceiverAndRecordIt() throws Exception {
		GlobalPropertySettings settings = applicationContext.getBean("webhooksSettings", GlobalPropertySettings.class);
		DeliveryEngine engine = applicationContext.getBean("webhooksDeliveryEngine", DeliveryEngine.class);
		TargetService targets = Context.getService(TargetService.class);
		try (Receiver receiver = new Receiver(); GlobalProperties gps = new GlobalProperties()) {
			gps.set(WebhooksConstants.GP_DELIVERY_ENABLED, "true").set(WebhooksConstants.GP_EGRESS_ALLOW_HTTP, "true")
			        .set(WebhooksConstants.GP_EGRESS_ALLOWED_CIDRS, "127.0.0.1/32");
			settings.invalidate();
			// other tests' targets in the shared database name hosts that must not be called
			for (Target other : targets.getAllTargets(false)) {
				if (other.isEnabled()) {
					targets.setTargetEnabled(other.getUuid(), false);
				}
			}
			Target t = new Target();
			t.setName("Local receiver");
			t.setUrl(receiver.url());
			t.setEventTypes(Collections.singletonList("patient.created"));
			t.setSigningEnabled(true);
			SavedTarget saved = targets.saveTarget(t);
			String secret = saved.getNewSigningSecret();
			Patient[] patient = new Patient[1];

			Engine.whileRunning(engine, () -> {
				patient[0] = ClinicalData.savedPatient();
				Engine.await("patient.created of the new patient at the receiver",
				    () -> request(receiver, patient[0].getUuid()) != null);
				return null;
			});

			Receiver.Request request = request(receiver, patient[0].getUuid());
			JsonNode body = new ObjectMapper().readTree(request.body);
			assertThat(body.path("type").asText()).isEqualTo("patient.created");
			assertThat(body.path("data").path("uuid").asText()).isEqualTo(patient[0].getUuid());
			assertThat(request.headers.get("webhook-signature")).contains("v1," + sign(secret, request));
			List<Delivery> deliveries = Context.getService(DeliveryService.class)
			        .searchDeliveries(new DeliverySearch().setTargetUuid(saved.getTarget().getUuid())
			                .setPatientUuid(patient[0].getUuid()).setLimit(10))
			        .getRows();
			assertThat(deliveries).hasSize(1);
			assertThat(deliveries.get(0).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(deliveries.get(0).getEventUuid()).isEqualTo(request.headers.get("webhook-id"));
		}
		finally {
			settings.invalidate();
		}
	}

	private static Receiver.Request request(Receiver receiver, String patientUuid) {
		for (Receiver.Request r : receiver.received()) {
			if (r.body.contains(patientUuid)) {
				return r;
			}
		}
		return null;
	}

	/** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body" under the base64 key after "whsec_". */
	private static String sign(String secret, Receiver.Request request) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		String content = request.headers.get("webhook-id") + "." + request.headers.get("webhook-timestamp") + "."
		        + request.body;
		return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
	}
}
