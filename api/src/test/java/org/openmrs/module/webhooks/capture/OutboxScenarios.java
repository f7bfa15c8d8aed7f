package org.openmrs.module.webhooks.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;

import org.hibernate.Session;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;
import org.openmrs.Diagnosis;
import org.openmrs.Encounter;
import org.openmrs.EncounterProvider;
import org.openmrs.GlobalProperty;
import org.openmrs.Obs;
import org.openmrs.ObsReferenceRange;
import org.openmrs.Order;
import org.openmrs.Patient;
import org.openmrs.Person;
import org.openmrs.PersonName;
import org.openmrs.Visit;
import org.openmrs.module.webhooks.model.Event;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.orm.hibernate5.SessionHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.MatchAlwaysTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Coalescing, transactions (rollback, nesting, a reused Transaction object), statement counts, failure isolation
 * and the merge advice, on one database; subclasses pick the database.
 */
abstract class OutboxScenarios extends CaptureScenarios {

	// ------------------------------------------------------------- coalescing

	@Test
	void createThenUpdateInOneTransaction_shouldRaiseCreatedOnly() {
		Patient p = newPatient();

		h.tx(s -> {
			s.save(p);
			s.flush();
			p.getNames().iterator().next().setGivenName("Augusta");
			p.addIdentifier("100-2");
			s.flush();
		});

		assertThat(types(h.newEvents())).containsExactly("patient.created");
	}

	@Test
	void voidThenUnvoidInOneTransaction_shouldRaiseUpdated() {
		Patient p = savedPatient();

		h.tx(s -> {
			Patient loaded = s.get(Patient.class, p.getId());
			loaded.setVoided(true);
			s.flush();
			loaded.setVoided(false);
		});

		assertThat(types(h.newEvents())).containsExactly("patient.updated");
	}

	@Test
	void createThenDeleteInOneTransaction_shouldRaiseNothing() {
		Patient p = savedPatient();

		h.tx(s -> {
			Visit v = new Visit(s.get(Patient.class, p.getId()), visitType, location);
			s.save(v);
			s.flush();
			s.delete(v);
		});

		assertThat(h.newEvents()).isEmpty();
	}

	@Test
	void repeatedFlushesOfOneChange_shouldRaiseOneEvent() {
		Patient p = savedPatient();

		h.tx(s -> {
			Patient loaded = s.get(Patient.class, p.getId());
			for (int i = 0; i < 3; i++) {
				loaded.getNames().forEach(n -> n.setGivenName("name " + loaded.getNames().size()));
				loaded.getIdentifiers().iterator().next().setIdentifier("id-" + System.nanoTime());
				s.flush();
			}
		});

		assertThat(types(h.newEvents())).containsExactly("patient.updated");
	}

	@Test
	void obsGroupAndReferenceRanges_shouldRaiseObsCreatedPerObsAndNothingForRanges() {
		Patient p = savedPatient();
		Encounter e = new Encounter(p, encounterType, location, form, null);
		Obs group = e.addObs(concept, 0);
		group.addGroupMember(concept, 1);
		group.addGroupMember(concept, 2);
		group.getReferenceRanges().add(new ObsReferenceRange(group, "0-10"));

		h.tx(s -> s.save(e));

		assertThat(types(h.newEvents())).containsExactlyInAnyOrder("encounter.created", "obs.created", "obs.created",
		    "obs.created");
	}

	@Test
	void ordersDiagnosesAndProviders_shouldRollUpIntoOneEncounterUpdated() {
		Encounter e = savedEncounter(savedPatient(), 0);

		h.tx(s -> {
			Encounter loaded = s.get(Encounter.class, e.getId());
			loaded.getOrders().add(new Order(loaded, "aspirin"));
			loaded.getDiagnoses().add(new Diagnosis(loaded, "malaria"));
			loaded.getEncounterProviders().add(new EncounterProvider(loaded, "nurse"));
		});

		assertThat(h.newEvents()).extracting(Event::getType, Event::getResourceUuid)
		        .containsExactly(tuple("encounter.updated", e.getUuid()));
	}

	@Test
	void personWhoIsNotAPatient_shouldRaiseNothing() {
		Person person = new Person();
		person.addName("Pat", "Provider");

		h.tx(s -> s.save(person));
		h.tx(s -> s.get(Person.class, person.getId()).getNames().iterator().next().setGivenName("P."));

		assertThat(h.newEvents()).isEmpty();
	}

	@Test
	void nameLoadedWithoutItsPerson_shouldRaisePatientUpdatedOnlyWhenThePersonIsAPatient() {
		Patient p = savedPatient();
		Person person = new Person();
		person.addName("Pat", "Provider");
		h.tx(s -> s.save(person));
		Integer patientNameId = p.getNames().iterator().next().getId();
		Integer personNameId = person.getNames().iterator().next().getId();

		h.tx(s -> {
			// the names' person is an uninitialised Person proxy: patient or not is unknown without a query
			s.get(PersonName.class, patientNameId).setGivenName("Augusta");
			s.get(PersonName.class, personNameId).setGivenName("P.");
		});

		assertThat(h.newEvents()).extracting(Event::getType, Event::getResourceUuid, Event::getPatientUuid)
		        .containsExactly(tuple("patient.updated", p.getUuid(), p.getUuid()));
	}

	// ----------------------------------------------------------- transactions

	@Test
	void rollback_shouldLeaveNoEventAndRaiseNoSignal() {
		long signals = h.signal.generation();

		h.template(TransactionDefinition.PROPAGATION_REQUIRED).execute(status -> {
			h.sessionFactory.getCurrentSession().save(newPatient());
			status.setRollbackOnly();
			return null;
		});

		assertThat(h.newEvents()).isEmpty();
		assertThat(h.signal.generation()).isEqualTo(signals);
	}

	@Test
	void commitWithEvents_shouldRaiseTheSignalOnce() {
		long signals = h.signal.generation();

		h.tx(s -> s.save(newPatient()));

		assertThat(h.signal.generation()).isEqualTo(signals + 1);
	}

	@Test
	void nestedRequiresNew_shouldEachKeepTheirOwnEvents() {
		Patient outer = newPatient();
		Patient inner = newPatient();

		h.template(TransactionDefinition.PROPAGATION_REQUIRED).execute(status -> {
			h.sessionFactory.getCurrentSession().save(outer);
			h.newTx(s -> s.save(inner));
			status.setRollbackOnly();
			return null;
		});
		assertThat(h.newEvents()).extracting(Event::getResourceUuid).containsExactly(inner.getUuid());

		Patient outer2 = newPatient();
		h.tx(s -> {
			s.save(outer2);
			h.template(TransactionDefinition.PROPAGATION_REQUIRES_NEW).execute(status -> {
				h.sessionFactory.getCurrentSession().save(newPatient());
				status.setRollbackOnly();
				return null;
			});
		});
		assertThat(h.newEvents()).extracting(Event::getResourceUuid).containsExactly(outer2.getUuid());
	}

	@Test
	void oneSessionOverSeveralTransactions_shouldCaptureEachWithTheReusedTransactionObject() {
		Session session = h.sessionFactory.openSession();
		TransactionSynchronizationManager.bindResource(h.sessionFactory, new SessionHolder(session));
		Transaction[] seen = new Transaction[2];
		try {
			Patient first = newPatient();
			Patient second = newPatient();
			h.tx(s -> {
				s.save(first);
				seen[0] = s.getTransaction();
			});
			h.tx(s -> {
				s.save(second);
				seen[1] = s.getTransaction();
			});

			assertThat(seen[1]).isSameAs(seen[0]);
			assertThat(h.newEvents()).extracting(Event::getResourceUuid).containsExactly(first.getUuid(),
			    second.getUuid());
		}
		finally {
			TransactionSynchronizationManager.unbindResource(h.sessionFactory);
			session.close();
		}
	}

	// ------------------------------------------------------------- statements

	@Test
	void transactionTouchingNothingOfInterest_shouldRunNoModuleStatement() {
		h.statements.clear();
		long written = h.stats.getTransactionsWritten();

		h.tx(s -> s.save(new GlobalProperty("gp-" + System.nanoTime(), "x")));
		h.template(TransactionDefinition.PROPAGATION_REQUIRED).execute(status -> {
			status.setRollbackOnly();
			return h.sessionFactory.getCurrentSession().createQuery("from Patient").setMaxResults(1).list();
		});
		h.tx(s -> {});

		assertThat(h.statements.all()).isNotEmpty();
		assertThat(h.statements.module()).isEmpty();
		assertThat(h.stats.getTransactionsWritten()).isEqualTo(written);
	}

	@Test
	void transactionWithChanges_shouldRunExactlyOneExtraStatement() {
		Patient p = savedPatient();
		try (CaptureHarness off = new CaptureHarness(db, false)) {
			int on = statementsToSaveEncounter(h, p);
			int without = statementsToSaveEncounter(off, p);

			assertThat(on - without).isEqualTo(1);
			assertThat(h.statements.module()).hasSize(1);
		}
	}

	private int statementsToSaveEncounter(CaptureHarness harness, Patient p) {
		harness.statements.clear();
		harness.tx(s -> {
			Encounter e = new Encounter(s.get(Patient.class, p.getId()), encounterType, location, form, null);
			for (int i = 0; i < 20; i++) {
				e.addObs(concept, i);
			}
			s.save(e);
		});
		return harness.statements.all().size();
	}

	// ------------------------------------------------------- failure isolation

	@Test
	void outboxWriteFailure_shouldCommitTheClinicalChangeAndCountIt() {
		long failures = h.stats.getFailedTransactions();
		Patient p = newPatient();
		db.execute("ALTER TABLE webhooks_event RENAME TO webhooks_event_away");
		try {
			h.tx(s -> s.save(p));
		}
		finally {
			db.execute("ALTER TABLE webhooks_event_away RENAME TO webhooks_event");
		}

		Patient committed = h.inTx(s -> s.get(Patient.class, p.getId()));
		assertThat(committed).isNotNull();
		assertThat(h.stats.getFailedTransactions()).isEqualTo(failures + 1);
		assertThat(h.stats.getFailedEvents()).isPositive();
		assertThat(h.newEvents()).isEmpty();

		h.tx(s -> s.save(newPatient()));
		assertThat(types(h.newEvents())).containsExactly("patient.created");
	}

	// ------------------------------------------------------------------ merge

	@Test
	void mergeAdviceOutsideTheTransaction_shouldRaiseOnePatientMerged() {
		assertMergeRaisesOnePatientMerged(false);
	}

	@Test
	void mergeAdviceInsideTheTransaction_shouldRaiseOnePatientMerged() {
		assertMergeRaisesOnePatientMerged(true);
	}

	private void assertMergeRaisesOnePatientMerged(boolean adviceInside) {
		Patient kept = savedPatient();
		Patient gone = savedPatient();

		service(new HibernatePatientMerger(h.sessionFactory), adviceInside).mergePatients(kept, gone);

		List<Event> events = h.newEvents();
		assertThat(events).extracting(Event::getType, Event::getResourceUuid).containsExactlyInAnyOrder(
		    tuple("patient.voided", gone.getUuid()), tuple("patient.updated", kept.getUuid()),
		    tuple("patient.merged", kept.getUuid()));
		Event merged = events.stream().filter(e -> e.getType().equals("patient.merged")).findFirst().get();
		assertThat(merged.getAttributes()).containsEntry("preferredPatient", kept.getUuid())
		        .containsEntry("nonPreferredPatient", gone.getUuid());
		assertThat(MergeNotes.depth()).isZero();
	}

	@Test
	void mergeOfAList_shouldRaiseOnePatientMergedPerMergedAwayPatient() {
		Patient kept = savedPatient();
		Patient a = savedPatient();
		Patient b = savedPatient();

		service(new HibernatePatientMerger(h.sessionFactory), false).mergePatients(kept, Arrays.asList(a, b));

		assertThat(h.newEvents()).filteredOn(e -> e.getType().equals("patient.merged"))
		        .extracting(e -> e.getAttribute("nonPreferredPatient")).containsExactlyInAnyOrder(a.getUuid(), b.getUuid());
	}

	@Test
	void failedMerge_shouldRaiseNothingAndLeaveNoNoteBehind() {
		Patient kept = savedPatient();
		Patient gone = savedPatient();
		HibernatePatientMerger merger = new HibernatePatientMerger(h.sessionFactory);
		merger.fail = true;

		for (boolean inside : new boolean[] { false, true }) {
			assertThatThrownBy(() -> service(merger, inside).mergePatients(kept, gone))
			        .isInstanceOf(IllegalStateException.class);
		}
		h.tx(s -> s.get(Patient.class, kept.getId()).addIdentifier("later"));

		assertThat(types(h.newEvents())).containsExactly("patient.updated");
	}

	private FakePatientService service(FakePatientService target, boolean adviceInside) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.addInterface(FakePatientService.class);
		TransactionInterceptor transactional = new TransactionInterceptor(h.transactions,
		        new MatchAlwaysTransactionAttributeSource());
		if (adviceInside) {
			factory.addAdvice(transactional);
			factory.addAdvice(new PatientMergeAdvice());
		} else {
			factory.addAdvice(new PatientMergeAdvice());
			factory.addAdvice(transactional);
		}
		return (FakePatientService) factory.getProxy();
	}
}
