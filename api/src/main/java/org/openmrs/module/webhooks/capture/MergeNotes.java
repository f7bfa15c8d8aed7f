package org.openmrs.module.webhooks.capture;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The hand-over between {@link PatientMergeAdvice} (created by core, outside Spring) and the interceptor, per
 * thread. The advice may run outside the service's transaction (the merge commits in a transaction begun inside
 * the advice, one level deeper) or inside it (the merge commits after the advice returns, at the same level);
 * a note is claimed by whichever transaction commits the merge, and is gone once the advice returns or that
 * transaction ends, also on exceptions.
 *
 * <p>Also keeps the number of open transactions per thread (an {@code int[]}, so a thread keeps no reference to
 * the module's classes after the module is gone).
 */
final class MergeNotes {

	private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<>();

	private static final ThreadLocal<List<MergeNote>> NOTES = new ThreadLocal<>();

	private MergeNotes() {
	}

	static void transactionBegun() {
		int[] depth = DEPTH.get();
		if (depth == null) {
			depth = new int[1];
			DEPTH.set(depth);
		}
		depth[0]++;
	}

	/** Called after a transaction at {@code depth} completed (committed or not). */
	static void transactionCompleted(int depth) {
		int[] current = DEPTH.get();
		if (current != null && current[0] > 0) {
			current[0]--;
		}
		List<MergeNote> notes = NOTES.get();
		if (notes != null) {
			for (Iterator<MergeNote> it = notes.iterator(); it.hasNext();) {
				MergeNote note = it.next();
				if (note.adopted && note.depth == depth) {
					it.remove();
				}
			}
			if (notes.isEmpty()) {
				NOTES.remove();
			}
		}
	}

	static int depth() {
		int[] depth = DEPTH.get();
		return depth == null ? 0 : depth[0];
	}

	static MergeNote open(String preferred, List<String> nonPreferred) {
		MergeNote note = new MergeNote(preferred, nonPreferred, depth());
		List<MergeNote> notes = NOTES.get();
		if (notes == null) {
			notes = new ArrayList<>(1);
			NOTES.set(notes);
		}
		notes.add(note);
		return note;
	}

	/**
	 * The merge call returned ({@code succeeded}) or threw. A merge that returned unclaimed inside an open
	 * transaction is left for that transaction; anything else is forgotten.
	 */
	static void close(MergeNote note, boolean succeeded) {
		if (succeeded && !note.consumed && note.depth > 0 && depth() == note.depth) {
			note.adopted = true;
			return;
		}
		List<MergeNote> notes = NOTES.get();
		if (notes != null) {
			notes.remove(note);
			if (notes.isEmpty()) {
				NOTES.remove();
			}
		}
	}

	/** Hands the merges this committing transaction carries to its buffer. */
	static void claim(TxBuffer buffer, int depth) {
		List<MergeNote> notes = NOTES.get();
		if (notes == null) {
			return;
		}
		for (MergeNote note : notes) {
			if (note.consumed) {
				continue;
			}
			boolean mine = note.adopted ? note.depth == depth
			        : note.depth + 1 == depth && buffer.touchesPatient(note.involved());
			if (mine) {
				buffer.addMerge(note);
				note.consumed = true;
			}
		}
	}
}
