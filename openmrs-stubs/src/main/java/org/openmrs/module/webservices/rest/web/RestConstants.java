package org.openmrs.module.webservices.rest.web;

/** Compile-only stub of the REST module class of the same name: only the members the module uses. */
public class RestConstants {

	/** Inlined by javac into {@code @Resource} names and request mappings: the value must be the real one. */
	public static final String VERSION_1 = "v1";

	public RestConstants() {
		throw new UnsupportedOperationException("stub");
	}
}
