package org.openmrs.module.webhooks.outbox;

/**
 * A uuid column value of an outbox row: either known when the row is built, or looked up by the INSERT itself
 * with a scalar sub-select on the clinical tables (used when the save path only holds an uninitialised
 * Hibernate proxy: loading it would cost a SELECT of its own, the sub-select costs nothing extra).
 */
public final class SqlValue {

	private final String value;

	private final String column;

	private final String fromWhere;

	private final Object key;

	private SqlValue(String value, String column, String fromWhere, Object key) {
		this.value = value;
		this.column = column;
		this.fromWhere = fromWhere;
		this.key = key;
	}

	/** A value known now; {@code null} for SQL NULL. */
	public static SqlValue of(String value) {
		return new SqlValue(value, null, null, null);
	}

	/**
	 * {@code (SELECT column fromWhere)} with {@code key} bound to the single {@code ?} of {@code fromWhere}, e.g.
	 * {@code lookup("t.uuid", "FROM person t WHERE t.person_id = ?", 42)}. NULL when no row matches.
	 */
	public static SqlValue lookup(String column, String fromWhere, Object key) {
		return new SqlValue(null, column, fromWhere, key);
	}

	public boolean isLookup() {
		return fromWhere != null;
	}

	/** The known value, or {@code null} (SQL NULL, or a lookup). */
	public String value() {
		return value;
	}

	String column() {
		return column;
	}

	String fromWhere() {
		return fromWhere;
	}

	Object key() {
		return key;
	}

	@Override
	public String toString() {
		return isLookup() ? "lookup" : "value";
	}
}
