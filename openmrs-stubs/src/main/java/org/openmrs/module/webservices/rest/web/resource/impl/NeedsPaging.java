package org.openmrs.module.webservices.rest.web.resource.impl;

import java.util.List;

import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.resource.api.PageableResult;

/**
 * Compile-only stub of the REST module class of the same name (whose real superclass, BasePageableResult,
 * implements PageableResult): pages a full list by startIndex / limit.
 */
public class NeedsPaging<T> implements PageableResult {

	public NeedsPaging(List<T> unpagedResults, RequestContext context) {
		throw new UnsupportedOperationException("stub");
	}
}
