package org.openmrs.module.webservices.rest.web.resource.impl;

import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.resource.api.CrudResource;
import org.openmrs.module.webservices.rest.web.resource.api.Listable;
import org.openmrs.module.webservices.rest.web.resource.api.PageableResult;
import org.openmrs.module.webservices.rest.web.resource.api.Searchable;
import org.openmrs.module.webservices.rest.web.response.ResponseException;

/**
 * Compile-only stub of the REST module class of the same name: only the members the module uses. The
 * constructor does not throw: our resources extend this class and tests instantiate them.
 */
public abstract class DelegatingCrudResource<T> extends BaseDelegatingResource<T> implements CrudResource, Searchable, Listable {

	public DelegatingCrudResource() {
	}

	protected PageableResult doSearch(RequestContext context) {
		throw new UnsupportedOperationException("stub");
	}

	protected PageableResult doGetAll(RequestContext context) throws ResponseException {
		throw new UnsupportedOperationException("stub");
	}

	public boolean isRetirable() {
		throw new UnsupportedOperationException("stub");
	}
}
