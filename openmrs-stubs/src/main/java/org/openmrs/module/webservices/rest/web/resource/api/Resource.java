package org.openmrs.module.webservices.rest.web.resource.api;

/** Compile-only stub of the REST module interface of the same name: the type only (its method is implemented above us). */
public interface Resource {
}
