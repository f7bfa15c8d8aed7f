package org.openmrs.module.webhooks.capture;

import java.util.Arrays;

/**
 * The buffers of the transactions open on one thread, innermost on top (REQUIRES_NEW nests them; Hibernate
 * reuses one Transaction object per session, so nothing is keyed on it). Buffers are kept per depth and reused
 * while the stack lives; the interceptor drops the stack once the thread's outermost transaction completes, so a
 * stack is small to make (room for {@link #INITIAL_DEPTH} levels, grown on deeper nesting).
 */
final class CaptureStack {

	/** Deeper than any real nesting (OpenMRS reaches 3): past it, begin/complete calls are out of step. */
	static final int MAX_DEPTH = 32;

	/** Room made at first: OpenMRS nests at most 3 deep. */
	static final int INITIAL_DEPTH = 4;

	private TxBuffer[] buffers = new TxBuffer[INITIAL_DEPTH];

	private int depth;

	/** @return {@code false} when the stack overflowed (calls out of step) and was reset */
	boolean push() {
		if (depth == MAX_DEPTH) {
			for (int i = 0; i < depth; i++) {
				buffers[i].reset();
			}
			depth = 0;
			return false;
		}
		if (depth == buffers.length) {
			buffers = Arrays.copyOf(buffers, Math.min(MAX_DEPTH, depth * 2));
		}
		TxBuffer buffer = buffers[depth];
		if (buffer == null) {
			buffers[depth] = new TxBuffer();
		}
		depth++;
		return true;
	}

	/** The innermost open transaction's buffer, or {@code null} outside any transaction. */
	TxBuffer current() {
		return depth == 0 ? null : buffers[depth - 1];
	}

	/** Removes the innermost buffer; the caller resets it once done with it. {@code null} when none is open. */
	TxBuffer pop() {
		if (depth == 0) {
			return null;
		}
		depth--;
		return buffers[depth];
	}

	int depth() {
		return depth;
	}
}
