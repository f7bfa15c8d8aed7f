package org.openmrs.module.webhooks.delivery;

/**
 * The global properties the delivery engine obeys. Implementations are cheap to call often (the production one
 * caches for a few seconds) and safe from any thread.
 */
public interface WebhooksSettings {

	/** {@code webhooks.delivery.enabled}: false pauses sending (fan-out goes on). */
	boolean deliveryEnabled();

	/**
	 * {@code webhooks.delivery.workers}: sender threads on this node, 1..64; read when the engine starts (a change
	 * restarts it: {@link SettingsChangeListener}).
	 */
	int workers();

	/** {@code webhooks.retention.days}: delivered rows older than this are purged; 0 or less keeps everything. */
	int retentionDays();

	/** {@code webhooks.instanceName}: sent as {@code source.instance}; may be {@code null} or empty. */
	String instanceName();

	/**
	 * The egress rules from {@code webhooks.egress.allowHttp}, {@code .allowedCidrs} and {@code .deniedCidrs}.
	 *
	 * @throws IllegalArgumentException naming the global property when a CIDR list cannot be parsed: the
	 *             transport then refuses every connection (fail closed) until it is fixed
	 */
	org.openmrs.module.webhooks.delivery.http.EgressPolicy egressPolicy();

	/** Drops any cached values, so that the next call reads the global properties again. */
	default void invalidate() {
	}
}
