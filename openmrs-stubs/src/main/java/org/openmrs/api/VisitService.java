package org.openmrs.api;

import org.openmrs.Visit;

/** Compile-only stub of the OpenMRS service of the same name: only the members the module calls. */
public interface VisitService extends OpenmrsService {

	Visit getVisitByUuid(String uuid) throws APIException;
}
