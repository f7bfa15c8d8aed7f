package org.openmrs.module.webhooks.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A patient merge in progress on this thread, left by {@link PatientMergeAdvice} for the interceptor. */
final class MergeNote {

	final String preferred;

	final List<String> nonPreferred;

	/** The capture depth (open transactions) when the merge was called. */
	final int depth;

	/** Turned into events by a committing transaction. */
	boolean consumed;

	/** The merge returned inside the transaction at {@link #depth}: that transaction commits it. */
	boolean adopted;

	MergeNote(String preferred, List<String> nonPreferred, int depth) {
		this.preferred = preferred;
		this.nonPreferred = Collections.unmodifiableList(new ArrayList<>(nonPreferred));
		this.depth = depth;
	}

	List<String> involved() {
		List<String> all = new ArrayList<>(nonPreferred.size() + 1);
		all.add(preferred);
		all.addAll(nonPreferred);
		return all;
	}
}
