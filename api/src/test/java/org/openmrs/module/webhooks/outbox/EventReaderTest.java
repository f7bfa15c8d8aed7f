package org.openmrs.module.webhooks.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.testdb.TestDatabase;

/** The outbox writer and the read side, on every database. */
class EventReaderTest {

	@ParameterizedTest
	@EnumSource(TestDatabase.Kind.class)
	void readSide_shouldReadAfterSearchNewestFirstWithPagingAndCount(TestDatabase.Kind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind).migrate()) {
			String patient = UUID.randomUUID().toString();
			List<OutboxRow> rows = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				Map<String, SqlValue> attributes = new LinkedHashMap<>();
				attributes.put("concept", SqlValue.of("c-" + i));
				attributes.put("quote", SqlValue.of("a\"b\\c"));
				rows.add(new OutboxRow(UUID.randomUUID().toString(), i == 0 ? "encounter.created" : "obs.created",
				        i == 0 ? "encounter" : "obs", SqlValue.of("r-" + i), SqlValue.of(patient), 1000 + i, attributes,
				        null));
			}
			write(db, rows);
			EventReader reader = new EventReader(db);

			List<Event> after = reader.readAfter(0, 10);
			assertThat(after).extracting(Event::getResourceUuid).containsExactly("r-0", "r-1", "r-2", "r-3", "r-4");
			assertThat(after.get(1).getAttributes()).containsEntry("concept", "c-1").containsEntry("quote", "a\"b\\c");
			assertThat(reader.readAfter(after.get(2).getId(), 1)).extracting(Event::getResourceUuid).containsExactly("r-3");
			assertThat(reader.getByUuid(rows.get(4).getEventUuid()).getResourceUuid()).isEqualTo("r-4");
			assertThat(reader.getByUuid("nope")).isNull();
			assertThat(reader.countAwaitingFanout()).isEqualTo(5);

			Page<Event> page = reader.search(new EventSearch().setType("obs.created").setPatientUuid(patient).setLimit(2));
			assertThat(page.getRows()).extracting(Event::getResourceUuid).containsExactly("r-4", "r-3");
			assertThat(page.hasMore()).isTrue();
			Page<Event> last = reader.search(new EventSearch().setType("obs.created").setStartIndex(2).setLimit(2));
			assertThat(last.getRows()).extracting(Event::getResourceUuid).containsExactly("r-2", "r-1");
			assertThat(reader.search(new EventSearch().setFrom(1001L).setTo(1002L)).getRows())
			        .extracting(Event::getResourceUuid).containsExactly("r-2", "r-1");
			assertThat(reader.search(new EventSearch().setResourceUuid("r-0")).getRows()).hasSize(1);

			CounterStore counters = new CounterStore(db);
			counters.add("capture.failures", 2);
			counters.add("capture.failures", 3);
			assertThat(reader.readCounters()).containsEntry("capture.failures", 5L);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.Kind.class)
	void write_shouldBeAllOrNothingAndLeaveTheTransactionUsable(TestDatabase.Kind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind).migrate()) {
			OutboxRow good = new OutboxRow(UUID.randomUUID().toString(), "patient.updated", "patient", SqlValue.of("p"),
			        null, 1, null, null);
			OutboxRow tooLong = new OutboxRow(UUID.randomUUID().toString(), "patient.updated", "patient",
			        SqlValue.of(String.join("", java.util.Collections.nCopies(50, "x"))), null, 1, null, null);
			try (Connection c = db.getConnection()) {
				c.setAutoCommit(false);
				c.createStatement().execute("INSERT INTO webhooks_counter (name, counter_value) VALUES ('clinical', 1)");
				assertThatThrownBy(() -> new OutboxWriter().write(c, db.getDialect(), Arrays.asList(good, tooLong)))
				        .isInstanceOf(SQLException.class);
				c.commit();
			}

			EventReader reader = new EventReader(db);
			assertThat(reader.readAfter(0, 10)).isEmpty();
			assertThat(reader.readCounters()).containsEntry("clinical", 1L);
		}
	}

	private static void write(TestDatabase db, List<OutboxRow> rows) throws SQLException {
		try (Connection c = db.getConnection()) {
			c.setAutoCommit(false);
			new OutboxWriter().write(c, db.getDialect(), rows);
			c.commit();
		}
	}
}
