package org.openmrs.module.webhooks.web.representation;

import java.util.function.Supplier;

/** Runs a read of OpenMRS data from a background thread, with the session and privileges it needs. */
interface ReadSession {

	<T> T read(Supplier<T> work);
}
