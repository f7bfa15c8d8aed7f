package org.openmrs.module.webhooks.model;

/**
 * A target's health, shown on the admin page.
 * <ul>
 * <li>ACTIVE: deliveries flow.</li>
 * <li>PAUSED: the circuit breaker opened after consecutive failures; a probe is sent after a pause, and the
 * first success makes the target ACTIVE again.</li>
 * <li>DISABLED: switched off by the system (410 Gone, or failing continuously for the configured period);
 * flagged on the admin page until a person enables it again. A target switched off by a person has
 * {@code enabled = false} instead.</li>
 * </ul>
 */
public enum TargetState {
	ACTIVE, PAUSED, DISABLED;

	public String restName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
