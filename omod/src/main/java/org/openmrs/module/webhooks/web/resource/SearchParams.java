package org.openmrs.module.webhooks.web.resource;

/** The query parameters of a GET on a collection, and its page. A seam over the REST module's RequestContext. */
interface SearchParams {

	/** The parameter, or {@code null} when absent or blank. */
	String get(String name);

	int startIndex();

	int limit();
}
