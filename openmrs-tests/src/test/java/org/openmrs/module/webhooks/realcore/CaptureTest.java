package org.openmrs.module.webhooks.realcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.Encounter;
import org.openmrs.Obs;
import org.openmrs.Patient;
import org.openmrs.PatientIdentifier;
import org.openmrs.Visit;
import org.openmrs.api.EncounterService;
import org.openmrs.api.ObsService;
import org.openmrs.api.PatientService;
import org.openmrs.api.VisitService;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.realcore.support.ClinicalData;
import org.openmrs.module.webhooks.realcore.support.Outbox;
import org.openmrs.module.webhooks.realcore.support.Outbox.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes saved through core's real services (and so core's real Hibernate mappings, interceptor chain, save
 * handlers and AOP) write the module's outbox rows in the transaction that commits them, with the types, uuids and
 * attributes docs/events.md describes; a rolled-back transaction writes none.
 */
public class CaptureTest extends RealCoreTest {

	@Autowired
	private PlatformTransactionManager transactionManager;

	private PatientService patients;

	private EncounterService encounters;

	private ObsService observations;

	private VisitService visits;

	@BeforeEach
	public void services() {
		patients = Context.getPatientService();
		encounters = Context.getEncounterService();
		observations = Context.getObsService();
		visits = Context.getVisitService();
	}

	@Test
	public void savePatient_shouldWritePatientCreatedWithItsUuids() {
		long mark = Outbox.mark();
		long before = System.currentTimeMillis();

		Patient p = ClinicalData.savedPatient();

		List<Row> rows = Outbox.since(mark);
		assertThat(Outbox.typesAndUuids(rows)).containsExactly("patient.created " + p.getUuid());
		Row row = rows.get(0);
		assertThat(row.resource).isEqualTo("patient");
		assertThat(row.patientUuid).isEqualTo(p.getUuid());
		assertThat(row.uuid).hasSize(36).isNotEqualTo(p.getUuid());
		assertThat(row.occurredAt).isBetween(before, System.currentTimeMillis());
	}

	@Test
	public void editPatient_nameAndNewIdentifierInOneSave_shouldWriteOnePatientUpdated() {
		Patient p = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		p.getPersonName().setGivenName("Grace");
		p.addIdentifier(new PatientIdentifier("WH2-" + p.getPatientId(), patients.getPatientIdentifierType(2),
		        ClinicalData.location()));
		patients.savePatient(p);

		List<Row> rows = Outbox.since(mark);
		assertThat(Outbox.typesAndUuids(rows)).containsExactly("patient.updated " + p.getUuid());
		assertThat(rows.get(0).patientUuid).isEqualTo(p.getUuid());
	}

	@Test
	public void saveEncounterWithObs_shouldWriteEncounterCreatedAndOneObsCreatedPerObs() {
		Patient p = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		Encounter e = encounters.saveEncounter(ClinicalData.encounter(p, 61.5, 62.5));

		List<Row> rows = Outbox.since(mark);
		List<String> expected = new ArrayList<>();
		expected.add("encounter.created " + e.getUuid());
		for (Obs o : e.getObs()) {
			expected.add("obs.created " + o.getUuid());
		}
		assertThat(expected).hasSize(3);
		assertThat(Outbox.typesAndUuids(rows)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(rows).allSatisfy(r -> assertThat(r.patientUuid).isEqualTo(p.getUuid()));
		Row encounter = only(rows, "encounter.created");
		assertThat(encounter.attributes).containsEntry("encounterType", e.getEncounterType().getUuid())
		        .containsEntry("location", ClinicalData.location().getUuid());
		for (Row obs : rows) {
			if (obs.type.equals("obs.created")) {
				assertThat(obs.attributes).containsEntry("encounter", e.getUuid()).containsEntry("concept",
				    Context.getConceptService().getConcept(ClinicalData.WEIGHT).getUuid());
			}
		}
	}

	@Test
	public void editObs_shouldWriteOldObsVoidedNewObsCreatedWithPreviousVersionAndEncounterUpdated() {
		Patient p = ClinicalData.savedPatient();
		Encounter e = encounters.saveEncounter(ClinicalData.encounter(p, 70.0));
		Obs old = e.getObs().iterator().next();
		String oldUuid = old.getUuid();
		Context.clearSession();
		long mark = Outbox.mark();

		Obs edited = observations.getObsByUuid(oldUuid);
		edited.setValueNumeric(71.0);
		Obs saved = observations.saveObs(edited, "corrected the weight");

		assertThat(saved.getUuid()).isNotEqualTo(oldUuid);
		List<Row> rows = Outbox.since(mark);
		assertThat(Outbox.typesAndUuids(rows)).containsExactlyInAnyOrder("obs.voided " + oldUuid,
		    "obs.created " + saved.getUuid(), "encounter.updated " + e.getUuid());
		assertThat(only(rows, "obs.created").attributes).containsEntry("previousVersion", oldUuid)
		        .containsEntry("encounter", e.getUuid());
		assertThat(rows).allSatisfy(r -> assertThat(r.patientUuid).isEqualTo(p.getUuid()));
	}

	@Test
	public void visits_startEndAndVoid_shouldWriteCreatedUpdatedVoided() {
		Patient p = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		Visit v = visits.saveVisit(ClinicalData.visit(p));
		List<Row> created = Outbox.since(mark);
		assertThat(Outbox.typesAndUuids(created)).containsExactly("visit.created " + v.getUuid());
		assertThat(created.get(0).patientUuid).isEqualTo(p.getUuid());
		assertThat(created.get(0).attributes).containsEntry("visitType", v.getVisitType().getUuid());

		long ended = Outbox.mark();
		visits.endVisit(v, new Date());
		assertThat(Outbox.typesAndUuids(Outbox.since(ended))).containsExactly("visit.updated " + v.getUuid());

		long voided = Outbox.mark();
		visits.voidVisit(v, "entered in error");
		assertThat(Outbox.typesAndUuids(Outbox.since(voided))).containsExactly("visit.voided " + v.getUuid());
	}

	@Test
	public void voidObs_shouldWriteObsVoidedAndEncounterUpdated() {
		Patient p = ClinicalData.savedPatient();
		Encounter e = encounters.saveEncounter(ClinicalData.encounter(p, 80.0, 81.0));
		Obs one = e.getObs().iterator().next();
		long mark = Outbox.mark();

		observations.voidObs(one, "wrong patient");

		assertThat(Outbox.typesAndUuids(Outbox.since(mark))).containsExactlyInAnyOrder("obs.voided " + one.getUuid(),
		    "encounter.updated " + e.getUuid());
	}

	@Test
	public void voidEncounter_shouldWriteEncounterVoidedAndObsVoidedForEachObs() {
		Patient p = ClinicalData.savedPatient();
		Encounter e = encounters.saveEncounter(ClinicalData.encounter(p, 90.0, 91.0));
		List<String> expected = new ArrayList<>();
		expected.add("encounter.voided " + e.getUuid());
		for (Obs o : e.getObs()) {
			expected.add("obs.voided " + o.getUuid());
		}
		long mark = Outbox.mark();

		encounters.voidEncounter(e, "duplicate");

		assertThat(Outbox.typesAndUuids(Outbox.since(mark))).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	public void voidPatient_shouldWriteVoidedForThePatientAndTheEncountersAndObsCoreVoidsWithIt_thenUpdated() {
		Patient p = ClinicalData.savedPatient();
		Encounter e1 = encounters.saveEncounter(ClinicalData.encounter(p, 55.0));
		Encounter e2 = encounters.saveEncounter(ClinicalData.encounter(p, 56.0, 57.0));
		List<String> voided1 = voided(e1);
		List<String> voided2 = voided(e2);
		long mark = Outbox.mark();

		patients.voidPatient(p, "test patient");

		// Several transactions on the real core: core's RequiredDataAdvice runs the void handlers before voidPatient's
		// own transaction; PatientDataVoidHandler voids each encounter through EncounterService.voidEncounter, one
		// transaction each, and the first of these commits also flushes the patient the handlers already voided.
		// voidPatient's own transaction then saves the patient again: patient.updated. (docs/events.md, voidPatient)
		List<String> rows = Outbox.typesAndUuids(Outbox.since(mark));
		assertThat(rows).hasSize(7);
		// core voids them in the order it finds them: either may come first
		boolean e1First = rows.subList(0, 3).contains(voided1.get(0));
		List<String> firstTransaction = new ArrayList<>();
		firstTransaction.add("patient.voided " + p.getUuid());
		firstTransaction.addAll(e1First ? voided1 : voided2);
		List<String> secondTransaction = e1First ? voided2 : voided1;
		assertThat(rows.subList(0, firstTransaction.size())).containsExactlyInAnyOrderElementsOf(firstTransaction);
		assertThat(rows.subList(firstTransaction.size(), 6)).containsExactlyInAnyOrderElementsOf(secondTransaction);
		assertThat(rows.get(6)).isEqualTo("patient.updated " + p.getUuid());
	}

	@Test
	public void voidPatientWithoutEncounters_shouldWritePatientVoidedThenPatientUpdated() {
		Patient p = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		patients.voidPatient(p, "test patient");

		// the void handlers' work (names, identifiers … and core's cohort update) commits before voidPatient's own
		// transaction, which saves the patient again
		assertThat(Outbox.typesAndUuids(Outbox.since(mark))).containsExactly("patient.voided " + p.getUuid(),
		    "patient.updated " + p.getUuid());
	}

	/** encounter.voided, then obs.voided for each of its obs (read before they are voided). */
	private static List<String> voided(Encounter e) {
		List<String> rows = new ArrayList<>();
		rows.add("encounter.voided " + e.getUuid());
		for (Obs o : e.getObs()) {
			rows.add("obs.voided " + o.getUuid());
		}
		return rows;
	}

	@Test
	public void outboxRow_shouldBeWrittenAtCommitOnTheClinicalTransactionAndBeSeenWithTheChangeOnly() throws Exception {
		long mark = Outbox.mark();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		String[] uuid = new String[1];
		List<Row> insideBeforeCommit = new ArrayList<>();
		int[] outsideBeforeCommit = new int[2];

		tx.execute(status -> {
			Patient p = ClinicalData.savedPatient();
			uuid[0] = p.getUuid();
			Context.flushSession();
			// the clinical rows are flushed into this transaction; capture writes the outbox only at commit
			insideBeforeCommit.addAll(currentSession().doReturningWork(c -> Outbox.since(c, mark)));
			outsideBeforeCommit[0] = Outbox.count("person", "uuid", uuid[0]);
			outsideBeforeCommit[1] = Outbox.since(mark).size();
			return null;
		});

		assertThat(insideBeforeCommit).as("outbox rows inside the transaction before its commit").isEmpty();
		assertThat(outsideBeforeCommit).as("patient and event rows seen outside before the commit").containsExactly(0, 0);
		assertThat(Outbox.count("person", "uuid", uuid[0])).as("patient rows after the commit").isEqualTo(1);
		assertThat(Outbox.typesAndUuids(Outbox.since(mark))).containsExactly("patient.created " + uuid[0]);
	}

	@Test
	public void rolledBackSave_shouldWriteNothing() {
		long mark = Outbox.mark();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		String[] uuid = new String[2];

		tx.execute(status -> {
			Patient p = ClinicalData.savedPatient();
			Encounter e = encounters.saveEncounter(ClinicalData.encounter(p, 40.0));
			Context.flushSession();
			uuid[0] = p.getUuid();
			uuid[1] = e.getUuid();
			status.setRollbackOnly();
			return null;
		});
		Throwable failed = catchThrowable(() -> tx.execute(status -> {
			ClinicalData.savedPatient();
			Context.flushSession();
			throw new IllegalStateException("the caller fails after the save");
		}));

		assertThat(failed).hasMessage("the caller fails after the save");
		assertThat(Outbox.count("person", "uuid", uuid[0])).isZero();
		assertThat(Outbox.count("encounter", "uuid", uuid[1])).isZero();
		assertThat(Outbox.since(mark)).isEmpty();
		// and the next committed save is captured as usual
		Patient next = ClinicalData.savedPatient();
		assertThat(Outbox.typesAndUuids(Outbox.since(mark))).containsExactly("patient.created " + next.getUuid());
	}

	@Test
	public void readOnlyServiceCalls_shouldWriteNothing() {
		Patient p = ClinicalData.savedPatient();
		long mark = Outbox.mark();

		patients.getPatientByUuid(p.getUuid());
		patients.getPatients("Webhook");
		encounters.getEncountersByPatient(p);
		visits.getActiveVisitsByPatient(p);

		assertThat(Outbox.since(mark)).isEmpty();
	}

	private static Row only(List<Row> rows, String type) {
		List<Row> matching = new ArrayList<>();
		for (Row r : rows) {
			if (r.type.equals(type)) {
				matching.add(r);
			}
		}
		assertThat(matching).as(type).hasSize(1);
		return matching.get(0);
	}

	private static org.hibernate.Session currentSession() {
		return Context.getRegisteredComponent("sessionFactory", SessionFactory.class).getCurrentSession();
	}
}
