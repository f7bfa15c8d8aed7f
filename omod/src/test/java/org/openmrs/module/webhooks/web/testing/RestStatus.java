package org.openmrs.module.webhooks.web.testing;

import org.openmrs.api.APIAuthenticationException;
import org.openmrs.api.ValidationException;
import org.openmrs.module.webservices.rest.web.response.ConversionException;
import org.openmrs.module.webservices.rest.web.response.IllegalRequestException;
import org.openmrs.module.webservices.rest.web.response.ObjectNotFoundException;
import org.openmrs.module.webservices.rest.web.response.ResourceDoesNotSupportOperationException;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The HTTP status the REST module's error handling (BaseRestController, webservices.rest 2.x / 3.x) gives an
 * exception that leaves a resource or our controller: what the tests assert instead of running the REST module.
 * Its own exceptions carry their status in {@code @ResponseStatus} (the stubs leave the annotation out, so they are
 * listed here); for any other exception it reads that annotation, as it does for ours.
 */
public final class RestStatus {

	private RestStatus() {
	}

	/** @param authenticated whether the caller was logged in (decides 401 versus 403) */
	public static int of(Throwable e, boolean authenticated) {
		if (e instanceof APIAuthenticationException) {
			return authenticated ? 403 : 401;
		}
		// (the REST module's own ValidationException: what REST 2.x answers with 400; a 500 from 3.2 on)
		if (e instanceof ValidationException || e instanceof org.openmrs.module.webservices.validation.ValidationException
		        || e instanceof ConversionException || e instanceof IllegalRequestException
		        || e instanceof ResourceDoesNotSupportOperationException) {
			return 400;
		}
		if (e instanceof ObjectNotFoundException) {
			return 404;
		}
		ResponseStatus status = e == null ? null : e.getClass().getAnnotation(ResponseStatus.class);
		if (status != null) {
			return status.value().value();
		}
		return 500;
	}
}
