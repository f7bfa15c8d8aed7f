package org.openmrs.module.webhooks.realcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.Patient;
import org.openmrs.api.APIException;
import org.openmrs.api.PatientService;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.WebhooksActivator;
import org.openmrs.module.webhooks.WebhooksLifecycle;
import org.openmrs.module.webhooks.capture.PatientMergeAdvice;
import org.openmrs.module.webhooks.realcore.support.ClinicalData;
import org.openmrs.module.webhooks.realcore.support.Outbox;
import org.openmrs.module.webhooks.realcore.support.Outbox.Row;
import org.openmrs.module.webhooks.realcore.support.ShippedModule;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;

/**
 * {@code PatientService.mergePatients} raises {@code patient.merged} through the advice the module's activator adds
 * to core's real PatientService when it is started (config.xml declares none: the REST module's upload answer
 * cannot serialise a module with advice), exactly once, and removes when it stops.
 */
public class PatientMergeTest extends RealCoreTest {

	/** The shipped activator, its background parts left out (they are another test's). */
	private final WebhooksActivator activator = new WebhooksActivator() {

		@Override
		protected List<WebhooksLifecycle> lifecycleParts() {
			return Collections.emptyList();
		}
	};

	private boolean started;

	/** As core starts the module (start-up or upload): the context refreshed, then started. */
	private void startModule() {
		activator.willStart();
		activator.contextRefreshed();
		activator.started();
		started = true;
	}

	@AfterEach
	public void stopModule() {
		if (started) {
			activator.willStop();
			activator.stopped();
		}
	}

	@Test
	public void configXml_shouldDeclareNoAdvice() {
		assertThat(ShippedModule.config().getAdvicePoints()).isEmpty();
	}

	@Test
	public void activator_shouldAddTheMergeAdviceOnceWhileStarted_andRemoveItOnStop() {
		assertThat(mergeAdvice()).as("before the start").isZero();

		startModule();
		assertThat(mergeAdvice()).as("started (contextRefreshed, then started)").isEqualTo(1);
		activator.contextRefreshed();
		activator.started();
		assertThat(mergeAdvice()).as("the callbacks again").isEqualTo(1);

		activator.willStop();
		activator.stopped();
		started = false;
		assertThat(mergeAdvice()).as("stopped").isZero();
	}

	@Test
	public void mergePatients_shouldWriteOnePatientMergedInTheMergesTransaction() throws Exception {
		startModule();
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
		startModule();
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
	public void mergePatients_withTheModuleNotStarted_shouldWriteNoPatientMerged() throws Exception {
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
		startModule();
		Patient preferred = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		Throwable refused = catchThrowable(() -> Context.getPatientService().mergePatients(preferred, preferred));
		Patient next = ClinicalData.savedPatient();

		assertThat(refused).isInstanceOf(APIException.class);
		assertThat(Outbox.typesAndUuids(Outbox.since(mark))).containsExactly("patient.created " + next.getUuid());
	}

	/** How many {@link PatientMergeAdvice} core's PatientService proxy runs. */
	private static long mergeAdvice() {
		Advisor[] advisors = ((Advised) Context.getService(PatientService.class)).getAdvisors();
		return Arrays.stream(advisors).filter(a -> a.getAdvice() instanceof PatientMergeAdvice).count();
	}

	private static List<Row> ofType(List<Row> rows, String type) {
		return rows.stream().filter(r -> r.type.equals(type)).collect(Collectors.toList());
	}
}
