package org.openmrs.api;

import org.openmrs.Encounter;

/** Compile-only stub of the OpenMRS service of the same name: only the members the module calls. */
public interface EncounterService extends OpenmrsService {

	Encounter getEncounterByUuid(String uuid) throws APIException;
}
