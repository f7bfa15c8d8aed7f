package org.openmrs.module.webhooks.delivery.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.outbox.SqlDialect;

/**
 * Pooled JDBC connections of the OpenMRS database, taken from the connection provider of core's Hibernate
 * session factory, outside any Hibernate session. The session factory is looked up on every call, never kept:
 * a context refresh replaces it (and its pool).
 */
public final class HibernateConnectionSource implements ConnectionSource {

	private volatile SqlDialect dialect;

	@Override
	public Connection getConnection() throws SQLException {
		return provider().getConnection();
	}

	@Override
	public SqlDialect getDialect() {
		SqlDialect d = dialect;
		if (d == null) {
			try (Connection c = getConnection()) {
				d = SqlDialect.of(c);
			}
			catch (SQLException e) {
				throw new IllegalStateException("Webhooks: cannot reach the database", e);
			}
			dialect = d;
		}
		return d;
	}

	private static ConnectionProvider provider() {
		SessionFactory sf = Context.getRegisteredComponent("sessionFactory", SessionFactory.class);
		return ((SessionFactoryImplementor) sf).getServiceRegistry().getService(ConnectionProvider.class);
	}
}
