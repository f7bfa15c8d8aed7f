package org.openmrs.module.webhooks.web;

import org.openmrs.module.webservices.rest.web.representation.DefaultRepresentation;
import org.openmrs.module.webservices.rest.web.representation.FullRepresentation;
import org.openmrs.module.webservices.rest.web.representation.RefRepresentation;
import org.openmrs.module.webservices.rest.web.representation.Representation;

/** The REST module's representations by the names the API and targets use: {@code ref}, {@code default}, {@code full}. */
public final class Reps {

	public static final String REF = "ref";

	public static final String DEFAULT = "default";

	public static final String FULL = "full";

	private Reps() {
	}

	/**
	 * @return {@code ref}, {@code default} or {@code full}; {@code null} for any other (custom) representation,
	 *         which the REST module then builds itself from the property names asked for
	 */
	public static String nameOf(Representation rep) {
		// the REST module creates new instances per request: compare by class, not identity
		if (rep instanceof RefRepresentation) {
			return REF;
		}
		if (rep instanceof FullRepresentation) {
			return FULL;
		}
		if (rep instanceof DefaultRepresentation) {
			return DEFAULT;
		}
		return null;
	}

	/** @throws IllegalArgumentException for a name other than ref, default, full */
	public static Representation byName(String name) {
		if (REF.equals(name)) {
			return Representation.REF;
		}
		if (DEFAULT.equals(name)) {
			return Representation.DEFAULT;
		}
		if (FULL.equals(name)) {
			return Representation.FULL;
		}
		throw new IllegalArgumentException("representation must be ref, default or full");
	}
}
