package org.openmrs.module.webservices.rest.web.resource.impl;

/** Compile-only stub of the REST module class of the same name: only the members the module uses. */
public class DelegatingResourceDescription {

	public DelegatingResourceDescription() {
		throw new UnsupportedOperationException("stub");
	}

	public void addProperty(String propertyName) {
		throw new UnsupportedOperationException("stub");
	}

	public DelegatingResourceDescription addSelfLink() {
		throw new UnsupportedOperationException("stub");
	}

	public DelegatingResourceDescription addLink(String rel, String uri) {
		throw new UnsupportedOperationException("stub");
	}
}
