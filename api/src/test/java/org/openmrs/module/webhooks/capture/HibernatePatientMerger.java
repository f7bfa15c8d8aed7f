package org.openmrs.module.webhooks.capture;

import java.util.Collections;
import java.util.List;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openmrs.Patient;

/** Merges like core does, in outline: voids the merged-away patient, moves an identifier to the kept one. */
final class HibernatePatientMerger implements FakePatientService {

	private final SessionFactory sessionFactory;

	boolean fail;

	HibernatePatientMerger(SessionFactory sessionFactory) {
		this.sessionFactory = sessionFactory;
	}

	@Override
	public void mergePatients(Patient preferred, Patient notPreferred) {
		mergePatients(preferred, Collections.singletonList(notPreferred));
	}

	@Override
	public void mergePatients(Patient preferred, List<Patient> notPreferred) {
		Session s = sessionFactory.getCurrentSession();
		Patient kept = s.get(Patient.class, preferred.getId());
		for (Patient p : notPreferred) {
			Patient gone = s.get(Patient.class, p.getId());
			gone.setVoided(true);
			kept.addIdentifier("from-" + gone.getId());
		}
		s.flush();
		if (fail) {
			throw new IllegalStateException("merge failed");
		}
	}
}
