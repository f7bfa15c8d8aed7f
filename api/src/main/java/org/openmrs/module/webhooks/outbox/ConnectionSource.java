package org.openmrs.module.webhooks.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC connections to the OpenMRS database for the module's own tables, outside any Hibernate session:
 * in OpenMRS, from the session factory's connection pool; in tests, from a real database's DataSource.
 * (Capture does not use this: it writes on the clinical transaction's own connection.)
 */
public interface ConnectionSource {

	/** A pooled connection; the caller sets auto-commit as it needs and closes it. */
	Connection getConnection() throws SQLException;

	/** The database's dialect; cheap after the first call. */
	SqlDialect getDialect();
}
