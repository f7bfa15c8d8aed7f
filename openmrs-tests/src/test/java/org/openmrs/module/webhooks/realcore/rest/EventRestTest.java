package org.openmrs.module.webhooks.realcore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.Patient;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.realcore.support.ClinicalData;
import org.openmrs.module.webhooks.realcore.support.Committed;
import org.openmrs.module.webhooks.realcore.support.Outbox;
import org.openmrs.module.webhooks.realcore.support.Outbox.Row;
import org.openmrs.module.webservices.rest.SimpleObject;
import org.openmrs.module.webservices.rest.web.RestUtil;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@code /ws/rest/v1/webhookevent} in the real REST module: the events captured from a patient saved through core's
 * PatientService, read back by uuid and by search, with the REST module's standard reads.
 */
public class EventRestTest extends RestResourceTest {

	private Patient patient;

	private Row created;

	@BeforeEach
	public void aCapturedEvent() {
		long mark = Outbox.mark();
		patient = Committed.call(ClinicalData::savedPatient);
		List<Row> rows = Outbox.since(mark);
		assertThat(rows).hasSize(1);
		created = rows.get(0);
	}

	@Override
	public String getURI() {
		return "webhookevent";
	}

	@Override
	public String getUuid() {
		return created.uuid;
	}

	@Override
	public long getAllCount() {
		return Math.min(Outbox.countAll("webhooks_event"), RestUtil.getDefaultLimit());
	}

	@Test
	public void getByUuid_shouldAnswerTheCapturedEvent() throws Exception {
		MockHttpServletResponse response = call(newGetRequest(getURI() + "/" + created.uuid, param("v", "full")));

		assertThat(response.getStatus()).as(describe(response)).isEqualTo(200);
		SimpleObject event = json(response);
		assertThat(event).containsEntry("type", "patient.created");
		assertThat(event).containsEntry("resource", "patient");
		assertThat(event).containsEntry("action", "created");
		assertThat(event).containsEntry("resourceUuid", patient.getUuid());
		assertThat(event).containsEntry("patientUuid", patient.getUuid());
		assertThat(event).containsEntry("display", "patient.created " + patient.getUuid());
	}

	@Test
	@SuppressWarnings("unchecked")
	public void searchByPatient_shouldAnswerThatPatientsEventsOnly() throws Exception {
		Context.getPatientService().voidPatient(patient, "entered twice");

		MockHttpServletResponse response = call(newGetRequest(getURI(), param("patient", patient.getUuid()),
		    param("v", "default")));

		assertThat(response.getStatus()).as(describe(response)).isEqualTo(200);
		List<Map<String, Object>> results = (List<Map<String, Object>>) json(response).get("results");
		assertThat(results).extracting(r -> r.get("type")).contains("patient.created", "patient.voided");
		assertThat(results).allSatisfy(r -> assertThat(r.get("patientUuid")).isEqualTo(patient.getUuid()));
	}

	@Test
	public void anonymousRead_shouldAnswer401AndAReaderMayRead() throws Exception {
		Context.logout();
		MockHttpServletResponse anonymous = call(newGetRequest(getURI() + "/" + created.uuid));
		loginAsReader();
		MockHttpServletResponse reader = call(newGetRequest(getURI() + "/" + created.uuid));

		assertThat(anonymous.getStatus()).as(describe(anonymous)).isEqualTo(401);
		assertThat(reader.getStatus()).as(describe(reader)).isEqualTo(200);
	}

	@Test
	public void write_shouldBeRefusedWith400() throws Exception {
		MockHttpServletResponse response = call(newPostRequest(getURI(), map("type", "patient.created")));

		assertThat(response.getStatus()).as(describe(response)).isEqualTo(400);
	}
}
