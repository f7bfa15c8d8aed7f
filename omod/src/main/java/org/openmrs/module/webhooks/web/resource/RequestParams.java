package org.openmrs.module.webhooks.web.resource;

import org.openmrs.module.webservices.rest.web.RequestContext;

/** {@link SearchParams} of a REST request; the REST module has already capped {@code limit}. */
final class RequestParams implements SearchParams {

	/** The REST module's own default page size, should it ever hand over none. */
	private static final int DEFAULT_LIMIT = 50;

	private final RequestContext context;

	RequestParams(RequestContext context) {
		this.context = context;
	}

	@Override
	public String get(String name) {
		String value = context.getParameter(name);
		return value == null || value.trim().isEmpty() ? null : value.trim();
	}

	@Override
	public int startIndex() {
		Integer start = context.getStartIndex();
		return start == null ? 0 : start;
	}

	@Override
	public int limit() {
		Integer limit = context.getLimit();
		return limit == null ? DEFAULT_LIMIT : limit;
	}
}
