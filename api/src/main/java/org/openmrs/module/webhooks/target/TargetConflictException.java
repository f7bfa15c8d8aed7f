package org.openmrs.module.webhooks.target;

import org.openmrs.api.APIException;

/**
 * The target changed (on this node or another) between reading it and saving it, so the save was refused
 * rather than overwriting that change. Nothing was written; reload the target and save again.
 */
public class TargetConflictException extends APIException {

	private static final long serialVersionUID = 1L;

	public TargetConflictException(String uuid) {
		super("Webhook target " + uuid + " was changed by someone else while this change was being saved: reload it"
		        + " and save again");
	}
}
