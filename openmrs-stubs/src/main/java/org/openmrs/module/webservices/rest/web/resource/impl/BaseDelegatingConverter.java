package org.openmrs.module.webservices.rest.web.resource.impl;

import org.openmrs.module.webservices.rest.web.representation.Representation;
import org.openmrs.module.webservices.rest.web.resource.api.Converter;
import org.openmrs.module.webservices.rest.web.response.ConversionException;

/**
 * Compile-only stub of the REST module class of the same name: the superclass of BaseDelegatingResource, with
 * the members our resources override. The constructor does not throw: our resources extend it and tests
 * instantiate them.
 */
public abstract class BaseDelegatingConverter<T> implements Converter<T>, DelegatingPropertyAccessor<T> {

	public BaseDelegatingConverter() {
	}

	public abstract DelegatingResourceDescription getRepresentationDescription(Representation rep);

	public Object getProperty(T instance, String propertyName) throws ConversionException {
		throw new UnsupportedOperationException("stub");
	}

	public void setProperty(Object instance, String propertyName, Object value) throws ConversionException {
		throw new UnsupportedOperationException("stub");
	}
}
