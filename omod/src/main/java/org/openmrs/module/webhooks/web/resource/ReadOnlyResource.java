package org.openmrs.module.webhooks.web.resource;

import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.resource.impl.DelegatingCrudResource;
import org.openmrs.module.webservices.rest.web.response.ResourceDoesNotSupportOperationException;

/**
 * A resource that can be read, listed and searched but not written: every write is the REST module's 400
 * "does not support". (DelegatingCrudResource rather than the REST module's read-only base, which does not
 * support search.) Its creatable properties are left to the REST module, which refuses creates by default.
 */
abstract class ReadOnlyResource<T> extends DelegatingCrudResource<T> {

	private final String writeHint;

	/** @param writeHint what to do instead, for the error message */
	ReadOnlyResource(String writeHint) {
		this.writeHint = writeHint;
	}

	public T newDelegate() {
		throw refused();
	}

	public T save(T delegate) {
		throw refused();
	}

	@Override
	protected void delete(T delegate, String reason, RequestContext context) {
		throw refused();
	}

	@Override
	public void purge(T delegate, RequestContext context) {
		throw refused();
	}

	@Override
	public void setProperty(Object delegate, String property, Object value) {
		throw refused();
	}

	private ResourceDoesNotSupportOperationException refused() {
		return new ResourceDoesNotSupportOperationException(writeHint);
	}
}
