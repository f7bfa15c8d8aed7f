package org.openmrs.module.webservices.rest.web.resource.api;

/** Compile-only stub of the REST module interface of the same name: the type only. */
public interface PageableResult {
}
