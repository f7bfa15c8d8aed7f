package org.openmrs.module.webhooks.capture;

import java.util.List;

import org.openmrs.Patient;

/** The two mergePatients overloads of OpenMRS's PatientService, for the advice tests. */
interface FakePatientService {

	void mergePatients(Patient preferred, Patient notPreferred);

	void mergePatients(Patient preferred, List<Patient> notPreferred);
}
