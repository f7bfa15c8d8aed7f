package org.openmrs.module.webhooks.realcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.Patient;
import org.openmrs.api.APIException;
import org.openmrs.api.PatientService;
import org.openmrs.api.context.Context;
import org.openmrs.module.AdvicePoint;
import org.openmrs.module.webhooks.realcore.support.ClinicalData;
import org.openmrs.module.webhooks.realcore.support.ModuleInstall;
import org.openmrs.module.webhooks.realcore.support.Outbox;
import org.openmrs.module.webhooks.realcore.support.Outbox.Row;
import org.openmrs.module.webhooks.realcore.support.ShippedModule;

/**
 * {@code PatientService.mergePatients} raises {@code patient.merged} through the advice config.xml declares, added to
 * core's real PatientService as core adds a started module's advice (read from the shipped config.xml, not named
 * here).
 */
public class PatientMergeTest extends RealCoreTest {

	private List<Object[]> advice = new ArrayList<>();

	@AfterEach
	public void removeAdvice() {
		ModuleInstall.removeAdvice(advice);
		advice.clear();
	}

	@Test
	public void configXml_shouldDeclareAdviceOnPatientService() {
		List<AdvicePoint> points = ShippedModule.config().getAdvicePoints();

		assertThat(points).isNotEmpty();
		assertThat(points.stream().map(AdvicePoint::getPoint).collect(Collectors.toList()))
		        .contains(PatientService.class.getName());
	}

	@Test
	public void mergePatients_shouldWriteOnePatientMergedInTheMergesTransaction() throws Exception {
		advice = ModuleInstall.addAdvice();
		Patient preferred = ClinicalData.savedPatient();
		Patient merged = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		Context.getPatientService().mergePatients(preferred, merged);

		List<Row> rows = Outbox.since(mark);
		List<Row> mergeEvents = ofType(rows, "patient.merged");
		assertThat(mergeEvents).as("patient.merged among " + Outbox.typesAndUuids(rows)).hasSize(1);
		Row event = mergeEvents.get(0);
		assertThat(event.resource).isEqualTo("patient");
		assertThat(event.resourceUuid).isEqualTo(preferred.getUuid());
		assertThat(event.patientUuid).isEqualTo(preferred.getUuid());
		assertThat(event.attributes).containsEntry("preferredPatient", preferred.getUuid())
		        .containsEntry("nonPreferredPatient", merged.getUuid());
		// the merged-away patient is voided by the same merge
		assertThat(Outbox.typesAndUuids(rows)).contains("patient.voided " + merged.getUuid());
		assertThat(Context.getPatientService().getPatientByUuid(merged.getUuid()).getVoided()).isTrue();
	}

	@Test
	public void mergePatients_listOverload_shouldWriteOnePatientMergedPerMergedAwayPatient() throws Exception {
		advice = ModuleInstall.addAdvice();
		Patient preferred = ClinicalData.savedPatient();
		Patient first = ClinicalData.savedPatient();
		Patient second = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		Context.getPatientService().mergePatients(preferred, Arrays.asList(first, second));

		List<Row> mergeEvents = ofType(Outbox.since(mark), "patient.merged");
		assertThat(mergeEvents.stream().map(r -> r.attributes.get("nonPreferredPatient")).collect(Collectors.toList()))
		        .containsExactlyInAnyOrder(first.getUuid(), second.getUuid());
		assertThat(mergeEvents).allSatisfy(r -> assertThat(r.resourceUuid).isEqualTo(preferred.getUuid()));
	}

	@Test
	public void mergePatients_withoutTheConfigXmlAdvice_shouldWriteNoPatientMerged() throws Exception {
		Patient preferred = ClinicalData.savedPatient();
		Patient merged = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		Context.getPatientService().mergePatients(preferred, merged);

		List<Row> rows = Outbox.since(mark);
		assertThat(rows).as("the merge's other changes are still captured").isNotEmpty();
		assertThat(ofType(rows, "patient.merged")).isEmpty();
	}

	@Test
	public void failedMerge_shouldWriteNoPatientMergedThenOrLater() {
		advice = ModuleInstall.addAdvice();
		Patient preferred = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		Throwable refused = catchThrowable(() -> Context.getPatientService().mergePatients(preferred, preferred));
		Patient next = ClinicalData.savedPatient();

		assertThat(refused).isInstanceOf(APIException.class);
		assertThat(Outbox.typesAndUuids(Outbox.since(mark))).containsExactly("patient.created " + next.getUuid());
	}

	private static List<Row> ofType(List<Row> rows, String type) {
		return rows.stream().filter(r -> r.type.equals(type)).collect(Collectors.toList());
	}
}
