package org.openmrs.module.webservices.rest.web.resource.api;

/** Compile-only stub of the REST module interface of the same name: the type, with its real super-interfaces. */
public interface CrudResource extends Resource, Creatable, Retrievable, Updatable, Deletable, Purgeable {
}
