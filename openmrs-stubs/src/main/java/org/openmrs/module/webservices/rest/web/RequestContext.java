package org.openmrs.module.webservices.rest.web;

import org.openmrs.module.webservices.rest.web.representation.Representation;

/** Compile-only stub of the REST module class of the same name: only the members the module uses. */
public class RequestContext {

	public RequestContext() {
		throw new UnsupportedOperationException("stub");
	}

	public Representation getRepresentation() {
		throw new UnsupportedOperationException("stub");
	}

	public Boolean getIncludeAll() {
		throw new UnsupportedOperationException("stub");
	}

	public Integer getLimit() {
		throw new UnsupportedOperationException("stub");
	}

	public Integer getStartIndex() {
		throw new UnsupportedOperationException("stub");
	}

	public String getParameter(String name) {
		throw new UnsupportedOperationException("stub");
	}
}
