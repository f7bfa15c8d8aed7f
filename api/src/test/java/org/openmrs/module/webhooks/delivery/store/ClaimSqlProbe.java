package org.openmrs.module.webhooks.delivery.store;

/** Exposes the claim SQL to manual probes. */
public final class ClaimSqlProbe {

	public static String claimable() {
		return ClaimSql.CLAIMABLE;
	}
}
