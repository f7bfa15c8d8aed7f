package org.openmrs.module.webservices.rest.web.representation;

/** Compile-only stub of the REST module interface of the same name. */
public interface Representation {

	Representation DEFAULT = new DefaultRepresentation();

	Representation REF = new RefRepresentation();

	Representation FULL = new FullRepresentation();

	String getRepresentation();
}
