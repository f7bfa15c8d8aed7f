package org.openmrs.module.webhooks.delivery;

import java.util.List;

import org.openmrs.module.webhooks.model.Target;

/**
 * The delivery engine's view of the targets, with secrets decrypted. Implemented by the target storage; the
 * engine never reads {@code webhooks_target.config} itself. Implementations cache and must reflect a change
 * saved on this node at once and one saved on another node within a few seconds. A cached target's signing
 * secrets may include one that expired since it was read: sign only with those {@code isActiveAt(now)}.
 */
public interface TargetRegistry {

	/**
	 * Targets that take new deliveries: enabled, not retired and not DISABLED (PAUSED ones are included: their
	 * deliveries queue up while the circuit breaker holds them back). Never {@code null}; do not modify.
	 */
	List<Target> deliverableTargets();

	/** The target with that id in any state, secrets decrypted, or {@code null}. */
	Target getTarget(long targetId);
}
