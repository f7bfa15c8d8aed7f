package org.openmrs.api;

import org.openmrs.Patient;

/** Compile-only stub of the OpenMRS service of the same name: only the members the module calls. */
public interface PatientService extends OpenmrsService {

	Patient getPatientByUuid(String uuid) throws APIException;
}
