package org.openmrs.module.webservices.rest.web.resource.api;

import org.openmrs.module.webservices.rest.web.response.ConversionException;

/**
 * Compile-only stub of the REST module interface of the same name, with the generic methods our resources
 * override. They must be here, generic as in the real interface: javac writes the bridge methods (erased
 * {@code Object} signatures) that the REST module calls only for the generic methods it can see.
 */
public interface Converter<T> {

	T getByUniqueId(String uniqueId);

	Object getProperty(T instance, String propertyName) throws ConversionException;

	void setProperty(Object instance, String propertyName, Object value) throws ConversionException;
}
