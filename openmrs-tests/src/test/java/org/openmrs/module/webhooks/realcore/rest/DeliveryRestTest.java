package org.openmrs.module.webhooks.realcore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.Patient;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.delivery.DeliveryEngine;
import org.openmrs.module.webhooks.delivery.GlobalPropertySettings;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.realcore.support.ClinicalData;
import org.openmrs.module.webhooks.realcore.support.Committed;
import org.openmrs.module.webhooks.realcore.support.Engine;
import org.openmrs.module.webhooks.realcore.support.GlobalProperties;
import org.openmrs.module.webhooks.realcore.support.Outbox;
import org.openmrs.module.webservices.rest.SimpleObject;
import org.openmrs.module.webservices.rest.web.RestUtil;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@code /ws/rest/v1/webhookdelivery} in the real REST module: the delivery of a patient saved through core's
 * PatientService to a target, read back by uuid and by search, with the REST module's standard reads.
 *
 * <p>The delivery is made by the module's delivery engine (the Spring bean, on threads of its own) with delivery
 * paused: its fan-out runs while paused and makes the PENDING delivery, which nothing then sends. A first run fans
 * out what earlier tests left in the shared outbox (to their targets), so that only this test's event meets this
 * test's target.
 */
public class DeliveryRestTest extends RestResourceTest {

	/** Made once for the class. */
	private static String target;

	private static Patient patient;

	private static Delivery delivery;

	@BeforeEach
	public void aPendingDelivery() throws Exception {
		if (delivery != null) {
			return;
		}
		GlobalPropertySettings settings = applicationContext.getBean("webhooksSettings", GlobalPropertySettings.class);
		DeliveryEngine engine = applicationContext.getBean("webhooksDeliveryEngine", DeliveryEngine.class);
		DeliveryService deliveries = Context.getService(DeliveryService.class);
		// committed on their own: the REST module's inherited tests run in a transaction that is rolled back, and
		// the engine's threads see committed data only
		GlobalProperties gps = new GlobalProperties();
		try {
			Committed.call(() -> gps.set(WebhooksConstants.GP_DELIVERY_ENABLED, "false"));
			settings.invalidate();
			Engine.whileRunning(engine, () -> {
				Engine.await("the engine fanned out the events of earlier tests",
				    () -> Outbox.count("webhooks_event", "fanout_state", 0) == 0);
				return null;
			});

			target = Committed.call(() -> Context.getService(TargetService.class)
			        .saveTarget(TargetRestTest.target("Deliveries", "https://receiver.example.org/deliveries"))
			        .getTarget().getUuid());
			long mark = Outbox.mark();
			patient = Committed.call(ClinicalData::savedPatient);
			assertThat(Outbox.types(Outbox.since(mark))).containsExactly("patient.created");

			Engine.whileRunning(engine, () -> {
				Engine.await("the engine fanned out the patient.created to the target",
				    () -> !rowsOf(deliveries).isEmpty() && Outbox.count("webhooks_event", "fanout_state", 0) == 0);
				return null;
			});
		}
		finally {
			Committed.call(() -> {
				gps.close();
				return null;
			});
			settings.invalidate();
		}
		List<Delivery> rows = rowsOf(deliveries);
		assertThat(rows).hasSize(1);
		delivery = rows.get(0);
	}

	private static List<Delivery> rowsOf(DeliveryService deliveries) {
		return deliveries.searchDeliveries(new DeliverySearch().setTargetUuid(target).setLimit(10)).getRows();
	}

	@Override
	public String getURI() {
		return "webhookdelivery";
	}

	@Override
	public String getUuid() {
		return delivery.getUuid();
	}

	@Override
	public long getAllCount() {
		return Math.min(Outbox.countAll("webhooks_delivery"), RestUtil.getDefaultLimit());
	}

	@Test
	public void getByUuid_shouldAnswerTheDeliveryWithItsAttemptLog() throws Exception {
		MockHttpServletResponse response = call(newGetRequest(getURI() + "/" + delivery.getUuid(),
		    param("v", "full")));

		assertThat(response.getStatus()).as(describe(response)).isEqualTo(200);
		SimpleObject body = json(response);
		assertThat(body).containsEntry("eventType", "patient.created");
		assertThat(body).containsEntry("patientUuid", patient.getUuid());
		assertThat(body).containsEntry("targetUuid", target);
		assertThat(body).containsEntry("targetName", "Deliveries");
		assertThat(body).containsEntry("status", "pending");
		assertThat(body).containsEntry("attemptLog", List.of());
	}

	@Test
	@SuppressWarnings("unchecked")
	public void searchByTargetAndStatus_shouldAnswerThatTargetsDeliveriesOnly() throws Exception {
		MockHttpServletResponse response = call(newGetRequest(getURI(), param("target", target),
		    param("status", "pending"), param("v", "default")));
		MockHttpServletResponse badStatus = call(newGetRequest(getURI(), param("status", "lost")));

		assertThat(response.getStatus()).as(describe(response)).isEqualTo(200);
		List<Map<String, Object>> results = (List<Map<String, Object>>) json(response).get("results");
		assertThat(results).extracting(r -> r.get("uuid")).containsExactly(delivery.getUuid());
		assertThat(badStatus.getStatus()).as(describe(badStatus)).isEqualTo(400);
		assertThat(fieldErrors(json(badStatus))).containsKey("status");
	}

	@Test
	public void anonymousRead_shouldAnswer401AndAReaderMayRead() throws Exception {
		Context.logout();
		MockHttpServletResponse anonymous = call(newGetRequest(getURI() + "/" + delivery.getUuid()));
		loginAsReader();
		MockHttpServletResponse reader = call(newGetRequest(getURI() + "/" + delivery.getUuid()));

		assertThat(anonymous.getStatus()).as(describe(anonymous)).isEqualTo(401);
		assertThat(reader.getStatus()).as(describe(reader)).isEqualTo(200);
	}
}
