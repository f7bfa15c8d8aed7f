package org.openmrs.module.webservices.rest.web;

import org.openmrs.module.webservices.rest.web.representation.Representation;
import org.openmrs.module.webservices.rest.web.response.ConversionException;

/** Compile-only stub of the REST module class of the same name: only the members the module uses. */
public class ConversionUtil {

	public ConversionUtil() {
		throw new UnsupportedOperationException("stub");
	}

	public static <S> Object convertToRepresentation(S o, Representation rep) throws ConversionException {
		throw new UnsupportedOperationException("stub");
	}
}
