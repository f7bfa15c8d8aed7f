package org.openmrs.module.webservices.rest.web.resource.impl;

/** Compile-only stub of the REST module interface of the same name (it declares no methods in either line). */
public interface DelegatingPropertyAccessor<T> {
}
