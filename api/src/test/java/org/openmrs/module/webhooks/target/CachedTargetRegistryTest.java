package org.openmrs.module.webhooks.target;

import org.openmrs.module.webhooks.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.outbox.SqlDialect;
import org.openmrs.module.webhooks.testdb.TestDatabase;

/** How the registry behaves when the database fails (H2; the normal paths run on every database elsewhere). */
class CachedTargetRegistryTest extends TargetDatabaseTestBase {

	private volatile boolean down;

	private final ConnectionSource flaky = new ConnectionSource() {

		@Override
		public Connection getConnection() throws SQLException {
			if (down) {
				throw new SQLException("database down");
			}
			return db.getConnection();
		}

		@Override
		public SqlDialect getDialect() {
			return db.getDialect();
		}
	};

	@Override
	protected TestDatabase.Kind kind() {
		return TestDatabase.Kind.H2;
	}

	@Test
	void deliverableTargets_shouldServeTheLastGoodReadWhileTheDatabaseIsDown() {
		SettableClock clock = new SettableClock(Instant.EPOCH);
		TargetStore store = new TargetStore(flaky, new TestSecretCipher());
		CachedTargetRegistry registry = new CachedTargetRegistry(store, clock, 5000);
		Target t = Targets.openFn("x");
		t.setUuid(UUID.randomUUID().toString());
		store.insert(t);
		assertThat(registry.deliverableTargets()).hasSize(1);

		down = true;
		registry.invalidate();
		clock.advance(Duration.ofSeconds(10));

		assertThat(registry.deliverableTargets()).hasSize(1);
		down = false;
		assertThat(registry.deliverableTargets()).as("retried only after the refresh interval").hasSize(1);
		store.setEnabled(store.findByUuid(t.getUuid()).getId(), false, 2);
		clock.advance(Duration.ofSeconds(5));
		assertThat(registry.deliverableTargets()).isEmpty();
	}

	@Test
	void deliverableTargets_shouldFailWhenTheDatabaseIsDownBeforeTheFirstRead() {
		down = true;
		CachedTargetRegistry registry = new CachedTargetRegistry(new TargetStore(flaky, new TestSecretCipher()),
		        new SettableClock(Instant.EPOCH), 5000);

		assertThatThrownBy(registry::deliverableTargets).isInstanceOf(TargetStorageException.class)
		        .hasMessageContaining("database down");
	}
}
