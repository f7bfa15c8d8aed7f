package org.openmrs.module.webhooks.capture;

import java.util.Map;

import org.openmrs.module.webhooks.outbox.SqlValue;

/**
 * Everything one transaction did to one resource, folded into a single event at commit ({@link #action()}).
 * Mutable; confined to the transaction's thread.
 */
final class PendingChange {

	final ResourceRule rule;

	String uuid;

	Object id;

	boolean created;

	boolean deleted;

	boolean updated;

	/** The voided flag before the transaction's first change, after its last; {@code null} when not seen. */
	Boolean voidedBefore;

	Boolean voidedAfter;

	/** Taken from the entity's own state: patient and attributes below are what it holds. */
	boolean stateSeen;

	/** The patient uuid (value or lookup); {@code null} with {@code stateSeen}: no patient. */
	SqlValue patient;

	Map<String, SqlValue> attributes;

	/** Seen through a person proxy that may not be a patient ... */
	boolean mayBeOtherType;

	/** ... unless also seen as what it is: then it surely is one. */
	boolean confirmed;

	/** Write the event only if the person behind the id is a patient (the INSERT checks). */
	boolean guarded() {
		return mayBeOtherType && !confirmed && uuid == null;
	}

	PendingChange(ResourceRule rule, String uuid, Object id) {
		this.rule = rule;
		this.uuid = uuid;
		this.id = id;
	}

	/**
	 * The one event for this resource in this transaction, or {@code null} for none. Precedence: a resource
	 * created and deleted in the same transaction raises nothing (no one outside ever saw it); deleted beats
	 * everything; created beats voided, unvoided and updated (the receiver reads the current state anyway); a
	 * change of the voided flag between the start and the end of the transaction is voided / unvoided and beats
	 * updated (so a void then unvoid is a plain update); anything else is updated, or nothing for a resource with
	 * no updated event (obs). Without the previous state, voided now counts as a void.
	 */
	String action() {
		if (created && deleted) {
			return null;
		}
		if (deleted) {
			return "deleted";
		}
		if (created) {
			return "created";
		}
		if (voidedAfter != null) {
			boolean before = voidedBefore != null && voidedBefore;
			if (before != voidedAfter) {
				return voidedAfter ? "voided" : "unvoided";
			}
		}
		return rule.hasUpdated ? "updated" : null;
	}
}
