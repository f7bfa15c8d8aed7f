package org.openmrs.module.webhooks.web;

import org.openmrs.module.webservices.rest.web.response.ResponseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * 409 Conflict: the target changed between reading it and saving it (its {@code dateChanged} is not the one the
 * client sent, or another node saved it meanwhile), and nothing was saved. Reload it and save again.
 *
 * <p>The REST module's own response exceptions carry their status in {@link ResponseStatus}, which its
 * {@code BaseRestController} reads for any exception it does not know; the body is its usual error body with this
 * message. (No {@code reason} on the annotation: Spring would then answer with an HTML error page.)
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class TargetChangedException extends ResponseException {

	private static final long serialVersionUID = 1L;

	public TargetChangedException(String message) {
		super(message);
	}
}
