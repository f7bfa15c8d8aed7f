package org.openmrs.module.webhooks.target;

/** The database failed while reading or writing targets; the write it interrupted was rolled back. */
public class TargetStorageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TargetStorageException(String message, Throwable cause) {
		super(message, cause);
	}
}
