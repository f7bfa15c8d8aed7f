package org.openmrs.module.webhooks.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.Concept;
import org.openmrs.Encounter;
import org.openmrs.EncounterType;
import org.openmrs.Form;
import org.openmrs.Location;
import org.openmrs.Obs;
import org.openmrs.Patient;
import org.openmrs.PersonAddress;
import org.openmrs.Visit;
import org.openmrs.VisitType;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.testdb.TestDatabase;

/**
 * Create / update / void / unvoid / purge of each resource, through real Hibernate and Spring transactions, on
 * one database; subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaptureScenarios {

	TestDatabase db;

	CaptureHarness h;

	Concept concept;

	EncounterType encounterType;

	VisitType visitType;

	Location location;

	Form form;

	abstract TestDatabase.Kind kind();

	@BeforeAll
	void startDatabase() {
		db = TestDatabase.create(kind()).migrate();
		h = new CaptureHarness(db, true);
		h.tx(s -> {
			concept = new Concept("weight");
			encounterType = new EncounterType("vitals");
			visitType = new VisitType("outpatient");
			location = new Location("ward");
			form = new Form("vitals form");
			s.save(concept);
			s.save(encounterType);
			s.save(visitType);
			s.save(location);
			s.save(form);
		});
	}

	@AfterAll
	void stopDatabase() {
		h.close();
		db.close();
	}

	@BeforeEach
	void forgetEarlierEvents() {
		h.newEvents();
	}

	Patient newPatient() {
		Patient p = new Patient();
		p.setGender("F");
		p.addName("Ada", "Lovelace");
		PersonAddress address = new PersonAddress(p, "Main street");
		p.getAddresses().add(address);
		p.addIdentifier("100-1");
		return p;
	}

	Patient savedPatient() {
		Patient p = newPatient();
		h.tx(s -> s.save(p));
		h.newEvents();
		return p;
	}

	Encounter savedEncounter(Patient p, int obs) {
		Encounter e = new Encounter(p, encounterType, location, form, null);
		for (int i = 0; i < obs; i++) {
			e.addObs(concept, i);
		}
		h.tx(s -> s.save(e));
		h.newEvents();
		return e;
	}

	static List<String> types(List<Event> events) {
		return events.stream().map(Event::getType).collect(Collectors.toList());
	}

	// ---------------------------------------------------------------- patient

	@Test
	void savePatient_shouldRaiseOnePatientCreated() {
		Patient p = newPatient();

		h.tx(s -> s.save(p));

		List<Event> events = h.newEvents();
		assertThat(events).extracting(Event::getType, Event::getResource, Event::getResourceUuid, Event::getPatientUuid)
		        .containsExactly(tuple("patient.created", "patient", p.getUuid(), p.getUuid()));
		assertThat(events.get(0).getOccurredAt()).isEqualTo(CaptureHarness.NOW.toEpochMilli());
		assertThat(events.get(0).getUuid()).hasSize(36);
	}

	@Test
	void editPatientName_shouldRaisePatientUpdated() {
		Patient p = savedPatient();

		h.tx(s -> {
			Patient loaded = s.get(Patient.class, p.getId());
			loaded.getNames().iterator().next().setGivenName("Augusta");
		});

		assertThat(h.newEvents()).extracting(Event::getType, Event::getResourceUuid, Event::getPatientUuid)
		        .containsExactly(tuple("patient.updated", p.getUuid(), p.getUuid()));
	}

	@Test
	void voidPatient_shouldRaiseOnlyPatientVoided_andUnvoidPatientUnvoided() {
		Patient p = savedPatient();

		h.tx(s -> {
			Patient loaded = s.get(Patient.class, p.getId());
			loaded.setVoided(true);
			loaded.setPersonVoided(true);
			loaded.getNames().forEach(n -> n.setVoided(true));
			loaded.getIdentifiers().forEach(i -> i.setVoided(true));
		});
		assertThat(types(h.newEvents())).containsExactly("patient.voided");

		h.tx(s -> s.get(Patient.class, p.getId()).setVoided(false));
		assertThat(types(h.newEvents())).containsExactly("patient.unvoided");
	}

	@Test
	void purgePatient_shouldRaisePatientDeleted() {
		Patient p = savedPatient();

		h.tx(s -> s.delete(s.get(Patient.class, p.getId())));

		assertThat(h.newEvents()).extracting(Event::getType, Event::getResourceUuid)
		        .containsExactly(tuple("patient.deleted", p.getUuid()));
	}

	// -------------------------------------------------------------- encounter

	@Test
	void saveEncounterWith30Obs_shouldRaiseEncounterCreatedAnd30ObsCreated() {
		Patient p = savedPatient();
		Encounter e = new Encounter(p, encounterType, location, form, null);
		for (int i = 0; i < 30; i++) {
			e.addObs(concept, i);
		}

		h.tx(s -> s.save(e));

		List<Event> events = h.newEvents();
		assertThat(types(events)).hasSize(31).containsOnlyOnce("encounter.created")
		        .filteredOn("obs.created"::equals).hasSize(30);
		Event encounter = events.stream().filter(ev -> ev.getType().equals("encounter.created")).findFirst().get();
		assertThat(encounter.getResourceUuid()).isEqualTo(e.getUuid());
		assertThat(encounter.getPatientUuid()).isEqualTo(p.getUuid());
		assertThat(encounter.getAttributes()).containsEntry("encounterType", encounterType.getUuid())
		        .containsEntry("location", location.getUuid()).containsEntry("form", form.getUuid());
		assertThat(events).allSatisfy(ev -> assertThat(ev.getPatientUuid()).isEqualTo(p.getUuid()));
		Event obs = events.stream().filter(ev -> ev.getType().equals("obs.created")).findFirst().get();
		assertThat(obs.getAttributes()).containsEntry("concept", concept.getUuid()).containsEntry("encounter", e.getUuid());
	}

	@Test
	void updateLazilyLoadedEncounter_shouldResolvePatientAndAttributesInTheInsert() {
		Patient p = savedPatient();
		Encounter e = savedEncounter(p, 1);

		h.tx(s -> {
			Encounter loaded = s.get(Encounter.class, e.getId());
			loaded.getEncounterProviders().add(new org.openmrs.EncounterProvider(loaded, "clinician"));
		});

		List<Event> events = h.newEvents();
		assertThat(events).extracting(Event::getType, Event::getResourceUuid, Event::getPatientUuid)
		        .containsExactly(tuple("encounter.updated", e.getUuid(), p.getUuid()));
		assertThat(events.get(0).getAttributes()).containsEntry("encounterType", encounterType.getUuid())
		        .containsEntry("location", location.getUuid());
	}

	@Test
	void voidEncounter_shouldRaiseEncounterVoidedAndObsVoided() {
		Encounter e = savedEncounter(savedPatient(), 2);

		h.tx(s -> {
			Encounter loaded = s.get(Encounter.class, e.getId());
			loaded.setVoided(true);
			loaded.getObs().forEach(o -> o.setVoided(true));
		});
		assertThat(types(h.newEvents())).containsExactlyInAnyOrder("encounter.voided", "obs.voided", "obs.voided");

		h.tx(s -> s.get(Encounter.class, e.getId()).setVoided(false));
		assertThat(types(h.newEvents())).containsExactly("encounter.unvoided");
	}

	@Test
	void purgeEncounter_shouldRaiseEncounterDeletedAndObsDeleted() {
		Encounter e = savedEncounter(savedPatient(), 2);

		h.tx(s -> s.delete(s.get(Encounter.class, e.getId())));

		assertThat(types(h.newEvents())).containsExactlyInAnyOrder("encounter.deleted", "obs.deleted", "obs.deleted");
	}

	// -------------------------------------------------------------------- obs

	@Test
	void editObs_shouldRaiseObsCreatedWithPreviousVersion_obsVoided_andEncounterUpdated() {
		Encounter e = savedEncounter(savedPatient(), 1);
		Obs old = e.getObs().iterator().next();
		Obs[] edited = new Obs[1];

		h.tx(s -> {
			Obs loaded = s.get(Obs.class, old.getId());
			loaded.setVoided(true);
			edited[0] = loaded.newVersion(99);
			s.save(edited[0]);
		});

		List<Event> events = h.newEvents();
		assertThat(events).extracting(Event::getType, Event::getResourceUuid).containsExactlyInAnyOrder(
		    tuple("obs.voided", old.getUuid()), tuple("obs.created", edited[0].getUuid()),
		    tuple("encounter.updated", e.getUuid()));
		Event created = events.stream().filter(ev -> ev.getType().equals("obs.created")).findFirst().get();
		assertThat(created.getAttributes()).containsEntry("previousVersion", old.getUuid());
	}

	@Test
	void unvoidAndPurgeObs_shouldRaiseObsUnvoidedThenObsDeleted() {
		Encounter e = savedEncounter(savedPatient(), 1);
		Obs obs = e.getObs().iterator().next();
		h.tx(s -> s.get(Obs.class, obs.getId()).setVoided(true));
		h.newEvents();

		h.tx(s -> s.get(Obs.class, obs.getId()).setVoided(false));
		assertThat(types(h.newEvents())).containsExactlyInAnyOrder("obs.unvoided", "encounter.updated");

		h.tx(s -> {
			Obs loaded = s.get(Obs.class, obs.getId());
			loaded.getEncounter().getObs().remove(loaded);
			s.delete(loaded);
		});
		assertThat(types(h.newEvents())).containsExactlyInAnyOrder("obs.deleted", "encounter.updated");
	}

	// ------------------------------------------------------------------ visit

	@Test
	void visitLifecycle_shouldRaiseCreatedUpdatedVoidedUnvoidedDeleted() {
		Patient p = savedPatient();
		Visit v = new Visit(p, visitType, location);

		h.tx(s -> s.save(v));
		List<Event> created = h.newEvents();
		assertThat(created).extracting(Event::getType, Event::getPatientUuid)
		        .containsExactly(tuple("visit.created", p.getUuid()));
		assertThat(created.get(0).getAttributes()).containsEntry("visitType", visitType.getUuid());

		h.tx(s -> s.get(Visit.class, v.getId()).setStopped(1L));
		assertThat(types(h.newEvents())).containsExactly("visit.updated");
		h.tx(s -> s.get(Visit.class, v.getId()).setVoided(true));
		assertThat(types(h.newEvents())).containsExactly("visit.voided");
		h.tx(s -> s.get(Visit.class, v.getId()).setVoided(false));
		assertThat(types(h.newEvents())).containsExactly("visit.unvoided");
		h.tx(s -> s.delete(s.get(Visit.class, v.getId())));
		assertThat(types(h.newEvents())).containsExactly("visit.deleted");
	}
}
