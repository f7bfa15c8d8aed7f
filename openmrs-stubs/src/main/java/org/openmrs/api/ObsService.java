package org.openmrs.api;

import org.openmrs.Obs;

/** Compile-only stub of the OpenMRS service of the same name: only the members the module calls. */
public interface ObsService extends OpenmrsService {

	Obs getObsByUuid(String uuid) throws APIException;
}
