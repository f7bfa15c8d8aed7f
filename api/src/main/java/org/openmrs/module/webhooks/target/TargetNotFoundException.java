package org.openmrs.module.webhooks.target;

import org.openmrs.api.APIException;

/** No target has the given uuid or id (never existed, or was purged). The REST layer answers 404. */
public class TargetNotFoundException extends APIException {

	private static final long serialVersionUID = 1L;

	public TargetNotFoundException(String what) {
		super("No webhook target " + what + ": it may have been purged");
	}
}
