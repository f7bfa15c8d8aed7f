package org.openmrs.module.webhooks.capture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one transaction made, keyed per resource (so duplicates fold), in first-seen order. Reused from
 * one transaction to the next on the same thread and depth, so that an empty transaction allocates nothing.
 */
final class TxBuffer {

	/** Past this size a buffer is dropped rather than cleared, so a bulk import does not pin its memory. */
	private static final int KEEP_CAPACITY = 256;

	private LinkedHashMap<String, PendingChange> changes = new LinkedHashMap<>();

	private final List<MergeNote> merges = new ArrayList<>(1);

	boolean written;

	boolean isEmpty() {
		return changes.isEmpty() && merges.isEmpty();
	}

	/** The entry for a resource, by uuid when known, else by id. */
	PendingChange change(ResourceRule rule, String uuid, Object id) {
		String key = uuid != null ? rule.resource + ':' + uuid : rule.resource + '#' + id;
		PendingChange change = changes.get(key);
		if (change == null) {
			change = new PendingChange(rule, uuid, id);
			changes.put(key, change);
		} else if (change.id == null) {
			change.id = id;
		}
		return change;
	}

	/**
	 * The entries, after folding those known only by id (a lazy proxy) into the entry of the same resource known
	 * by uuid and id, when there is one.
	 */
	Collection<PendingChange> changes() {
		Map<String, PendingChange> byId = null;
		for (PendingChange c : changes.values()) {
			if (c.uuid != null && c.id != null) {
				if (byId == null) {
					byId = new LinkedHashMap<>();
				}
				byId.put(c.rule.resource + '#' + c.id, c);
			}
		}
		if (byId == null) {
			return changes.values();
		}
		List<PendingChange> result = new ArrayList<>(changes.size());
		for (Map.Entry<String, PendingChange> e : changes.entrySet()) {
			PendingChange c = e.getValue();
			PendingChange same = c.uuid == null ? byId.get(e.getKey()) : null;
			if (same != null) {
				same.updated |= c.updated;
				same.created |= c.created;
				same.deleted |= c.deleted;
				if (same.patient == null && !same.stateSeen) {
					same.patient = c.patient;
				}
			} else {
				result.add(c);
			}
		}
		return result;
	}

	boolean touchesPatient(Collection<String> patientUuids) {
		for (String uuid : patientUuids) {
			if (changes.containsKey("patient:" + uuid)) {
				return true;
			}
		}
		return false;
	}

	void addMerge(MergeNote note) {
		merges.add(note);
	}

	List<MergeNote> merges() {
		return merges;
	}

	void reset() {
		if (changes.size() > KEEP_CAPACITY) {
			changes = new LinkedHashMap<>();
		} else {
			changes.clear();
		}
		merges.clear();
		written = false;
	}
}
