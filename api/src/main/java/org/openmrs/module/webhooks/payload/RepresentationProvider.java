package org.openmrs.module.webhooks.payload;

/**
 * The REST representation of a resource, for targets that ask for one under {@code data.representation}.
 * Implemented in the omod with the REST module's own converters, so that the tree is what
 * {@code GET /ws/rest/v1/<resource>/<uuid>?v=<representation>} returns; {@code api} never imports the REST
 * module.
 *
 * <p>Called when a payload is built, that is on a delivery worker thread at delivery time (so the receiver gets
 * the resource as it is then, not as it was at the change), outside any database transaction of ours: an
 * implementation opens the session, transaction and privileges it needs itself.
 */
public interface RepresentationProvider {

	/**
	 * @param resource the event's resource: {@code patient}, {@code encounter}, {@code obs}, {@code visit}
	 * @param uuid the resource's uuid
	 * @param representation {@code ref}, {@code default} or {@code full}
	 * @return a JSON-serialisable tree of {@code Map}, {@code List}, {@code String}, {@code Number},
	 *         {@code Boolean} and {@code null} leaves, written as given (nulls inside it included); or {@code null}
	 *         when the resource no longer exists, and then the payload has no {@code representation}
	 * @throws RuntimeException on any failure; the delivery attempt then fails with a retryable error
	 */
	Object represent(String resource, String uuid, String representation);
}
