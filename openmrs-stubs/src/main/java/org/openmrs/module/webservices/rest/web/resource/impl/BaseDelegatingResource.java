package org.openmrs.module.webservices.rest.web.resource.impl;

import java.util.HashSet;
import java.util.Set;

import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.resource.api.Converter;
import org.openmrs.module.webservices.rest.web.resource.api.Resource;
import org.openmrs.module.webservices.rest.web.response.ConversionException;
import org.openmrs.module.webservices.rest.web.response.ResourceDoesNotSupportOperationException;
import org.openmrs.module.webservices.rest.web.response.ResponseException;

/**
 * Compile-only stub of the REST module class of the same name: only the members the module uses, but the real
 * supertypes, generic as they are there. Our resources implement {@code newDelegate()}, {@code save(T)} and
 * {@code getRepresentationDescription(Representation)} of DelegatingResourceHandler; javac writes the bridge
 * methods the REST module calls only when it sees that interface here.
 *
 * <p>The constructor does not throw (our resources extend this class and tests instantiate them) and, like the
 * real one (2.51.0 and 3.4.1), starts the set of properties ignored on update with {@code display}, {@code links},
 * {@code auditInfo} and {@code resourceVersion}. The real setConvertedProperties drops every property of that set
 * from a request body before it sets any, in a create as in an update.
 */
public abstract class BaseDelegatingResource<T> extends BaseDelegatingConverter<T>
        implements Converter<T>, Resource, DelegatingResourceHandler<T> {

	protected Set<String> propertiesIgnoredWhenUpdating = new HashSet<String>();

	protected BaseDelegatingResource() {
		propertiesIgnoredWhenUpdating.add("display");
		propertiesIgnoredWhenUpdating.add("links");
		propertiesIgnoredWhenUpdating.add("auditInfo");
		propertiesIgnoredWhenUpdating.add("resourceVersion");
	}

	public abstract T getByUniqueId(String uniqueId);

	protected abstract void delete(T delegate, String reason, RequestContext context) throws ResponseException;

	protected T undelete(T delegate, RequestContext context) throws ResponseException {
		throw new UnsupportedOperationException("stub");
	}

	public abstract void purge(T delegate, RequestContext context) throws ResponseException;

	public DelegatingResourceDescription getCreatableProperties() throws ResourceDoesNotSupportOperationException {
		throw new UnsupportedOperationException("stub");
	}

	public DelegatingResourceDescription getUpdatableProperties() throws ResourceDoesNotSupportOperationException {
		throw new UnsupportedOperationException("stub");
	}

	public Object getProperty(T instance, String propertyName) throws ConversionException {
		throw new UnsupportedOperationException("stub");
	}

	public void setProperty(Object instance, String propertyName, Object value) throws ConversionException {
		throw new UnsupportedOperationException("stub");
	}
}
