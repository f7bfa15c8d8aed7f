package org.openmrs.module.webservices.rest.web.resource.impl;

import java.util.List;

import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.resource.api.PageableResult;

/**
 * Compile-only stub of the REST module class of the same name (whose real superclass, BasePageableResult,
 * implements PageableResult): one page the service already cut.
 */
public class AlreadyPaged<T> implements PageableResult {

	public AlreadyPaged(RequestContext context, List<T> results, boolean hasMoreResults, Long totalCount) {
		throw new UnsupportedOperationException("stub");
	}
}
