package org.openmrs.module.webservices.rest.web.resource.impl;

import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.representation.Representation;
import org.openmrs.module.webservices.rest.web.response.ResourceDoesNotSupportOperationException;
import org.openmrs.module.webservices.rest.web.response.ResponseException;

/**
 * Compile-only stub of the REST module interface of the same name, with the methods our resources implement.
 * The REST module calls {@code newDelegate()} and {@code save(Object)} through this interface: declared here
 * generic, as in the real one, they make javac write the bridge methods {@code Object newDelegate()} and
 * {@code Object save(Object)} into a resource of a concrete type. Without them the REST module's call fails
 * with AbstractMethodError.
 */
public interface DelegatingResourceHandler<T> extends DelegatingPropertyAccessor<T> {

	T newDelegate();

	T save(T delegate);

	void purge(T delegate, RequestContext context) throws ResponseException;

	DelegatingResourceDescription getRepresentationDescription(Representation rep);

	DelegatingResourceDescription getCreatableProperties() throws ResourceDoesNotSupportOperationException;

	DelegatingResourceDescription getUpdatableProperties() throws ResourceDoesNotSupportOperationException;
}
