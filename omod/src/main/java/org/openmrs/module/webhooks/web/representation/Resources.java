package org.openmrs.module.webhooks.web.representation;

/** Finds a changed resource by uuid and converts it as the REST module does. A seam: neither runs without OpenMRS. */
interface Resources {

	boolean knows(String resource);

	/** The entity, or {@code null} when it no longer exists (purged since the change). */
	Object find(String resource, String uuid);

	/** @param representation ref, default or full */
	Object represent(Object entity, String representation);
}
