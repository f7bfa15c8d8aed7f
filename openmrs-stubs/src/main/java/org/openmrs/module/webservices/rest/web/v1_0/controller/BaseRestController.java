package org.openmrs.module.webservices.rest.web.v1_0.controller;

/**
 * Compile-only stub of the REST module class of the same name. The real class carries the exception handlers
 * that give controllers extending it the REST module's JSON error body. The constructor does not throw: our
 * controller extends this class and tests instantiate it.
 */
public class BaseRestController {

	public BaseRestController() {
	}
}
