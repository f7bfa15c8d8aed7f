package org.openmrs.module.webservices.rest.web.resource.api;

/**
 * Compile-only stub of the REST module interface of the same name: the type only. Its methods are implemented by
 * DelegatingCrudResource, which our resources extend; none of ours overrides them.
 */
public interface Searchable extends Resource {
}
