package org.openmrs.module.webhooks.api;

import java.util.Collections;
import java.util.List;

/** One page of a search: the rows and whether more follow. */
public final class Page<T> {

	private final List<T> rows;

	private final boolean hasMore;

	private final long totalCount;

	/** @param totalCount total rows matching, or -1 when not counted */
	public Page(List<T> rows, boolean hasMore, long totalCount) {
		this.rows = Collections.unmodifiableList(rows);
		this.hasMore = hasMore;
		this.totalCount = totalCount;
	}

	public List<T> getRows() {
		return rows;
	}

	public boolean hasMore() {
		return hasMore;
	}

	/** -1 when not counted. */
	public long getTotalCount() {
		return totalCount;
	}
}
