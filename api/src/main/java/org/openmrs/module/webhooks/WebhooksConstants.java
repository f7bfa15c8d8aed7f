package org.openmrs.module.webhooks;

/** Names the OpenMRS world sees: module id, privileges and global properties (declared in config.xml). */
public final class WebhooksConstants {

	public static final String MODULE_ID = "webhooks";

	/** Create, edit, retire and purge targets; test, retry and replay deliveries. */
	public static final String PRIV_MANAGE_WEBHOOKS = "Manage Webhooks";

	/** Read targets, deliveries, events and stats. */
	public static final String PRIV_GET_WEBHOOKS = "Get Webhooks";

	public static final String GP_DELIVERY_ENABLED = "webhooks.delivery.enabled";

	public static final String GP_DELIVERY_WORKERS = "webhooks.delivery.workers";

	public static final String GP_RETENTION_DAYS = "webhooks.retention.days";

	public static final String GP_EGRESS_ALLOW_HTTP = "webhooks.egress.allowHttp";

	public static final String GP_EGRESS_ALLOWED_CIDRS = "webhooks.egress.allowedCidrs";

	public static final String GP_EGRESS_DENIED_CIDRS = "webhooks.egress.deniedCidrs";

	public static final String GP_INSTANCE_NAME = "webhooks.instanceName";

	private WebhooksConstants() {
	}

	/**
	 * This module's version, from the api jar's manifest ({@code Implementation-Version}); {@code "dev"} when the
	 * classes do not come from a jar (tests).
	 */
	public static String moduleVersion() {
		String version = WebhooksConstants.class.getPackage().getImplementationVersion();
		return version == null ? "dev" : version;
	}
}
