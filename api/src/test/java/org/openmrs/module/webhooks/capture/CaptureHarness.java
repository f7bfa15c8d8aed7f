package org.openmrs.module.webhooks.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hibernate.EmptyInterceptor;
import org.hibernate.Interceptor;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openmrs.Concept;
import org.openmrs.Diagnosis;
import org.openmrs.Encounter;
import org.openmrs.EncounterProvider;
import org.openmrs.EncounterType;
import org.openmrs.Form;
import org.openmrs.GlobalProperty;
import org.openmrs.Location;
import org.openmrs.Obs;
import org.openmrs.ObsReferenceRange;
import org.openmrs.Order;
import org.openmrs.Patient;
import org.openmrs.PatientIdentifier;
import org.openmrs.Person;
import org.openmrs.PersonAddress;
import org.openmrs.PersonAttribute;
import org.openmrs.PersonName;
import org.openmrs.Visit;
import org.openmrs.VisitType;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.outbox.EventReader;
import org.openmrs.module.webhooks.outbox.OutboxSignal;
import org.openmrs.module.webhooks.testdb.TestDatabase;
import org.springframework.orm.hibernate5.HibernateTransactionManager;
import org.springframework.orm.hibernate5.LocalSessionFactoryBuilder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real Hibernate 5.6 with Spring's HibernateTransactionManager on a {@link TestDatabase}, mapping the test copies
 * of the OpenMRS classes, with the capture interceptor on (or off, for comparisons).
 */
final class CaptureHarness implements AutoCloseable {

	static final Instant NOW = Instant.parse("2026-11-27T09:05:01.123Z");

	final TestDatabase db;

	final SessionFactory sessionFactory;

	final HibernateTransactionManager transactions;

	final CaptureStats stats = new CaptureStats();

	final OutboxSignal signal = new OutboxSignal();

	final StatementLog statements = new StatementLog();

	final EventReader reader;

	private long seen;

	CaptureHarness(TestDatabase db, boolean captureOn) {
		this.db = db;
		AtomicReference<SessionFactory> factory = new AtomicReference<>();
		Interceptor interceptor = captureOn
		        ? new CaptureInterceptor(CaptureTable.standard(), () -> factory.get().getCurrentSession(), signal, stats,
		                Clock.fixed(NOW, ZoneOffset.UTC))
		        : EmptyInterceptor.INSTANCE;
		LocalSessionFactoryBuilder builder = new LocalSessionFactoryBuilder(statements.wrap(db.dataSource()));
		builder.addAnnotatedClasses(Person.class, Patient.class, PersonName.class, PersonAddress.class,
		    PersonAttribute.class, PatientIdentifier.class, Encounter.class, Obs.class, ObsReferenceRange.class,
		    Order.class, Diagnosis.class, EncounterProvider.class, Visit.class, Concept.class, EncounterType.class,
		    VisitType.class, Location.class, Form.class, GlobalProperty.class);
		builder.setInterceptor(interceptor);
		Properties p = new Properties();
		p.put("hibernate.dialect", dialect(db.kind()));
		p.put("hibernate.hbm2ddl.auto", "update");
		p.put("hibernate.show_sql", "false");
		builder.addProperties(p);
		this.sessionFactory = builder.buildSessionFactory();
		factory.set(sessionFactory);
		this.transactions = new HibernateTransactionManager(sessionFactory);
		this.reader = new EventReader(db);
	}

	private static String dialect(TestDatabase.Kind kind) {
		switch (kind) {
			case MARIADB:
				return "org.hibernate.dialect.MariaDB103Dialect";
			case POSTGRESQL:
				return "org.hibernate.dialect.PostgreSQL10Dialect";
			default:
				return "org.hibernate.dialect.H2Dialect";
		}
	}

	<T> T inTx(Function<Session, T> work) {
		return template(TransactionDefinition.PROPAGATION_REQUIRED)
		        .execute(status -> work.apply(sessionFactory.getCurrentSession()));
	}

	void tx(Consumer<Session> work) {
		inTx(s -> {
			work.accept(s);
			return null;
		});
	}

	/** A transaction of its own even inside another (REQUIRES_NEW). */
	void newTx(Consumer<Session> work) {
		template(TransactionDefinition.PROPAGATION_REQUIRES_NEW).execute(status -> {
			work.accept(sessionFactory.getCurrentSession());
			return null;
		});
	}

	TransactionTemplate template(int propagation) {
		TransactionTemplate t = new TransactionTemplate(transactions);
		t.setPropagationBehavior(propagation);
		return t;
	}

	/** Events committed since the last call, in sequence order. */
	List<Event> newEvents() {
		try {
			List<Event> events = reader.readAfter(seen, 100_000);
			if (!events.isEmpty()) {
				seen = events.get(events.size() - 1).getId();
			}
			return events;
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		sessionFactory.close();
	}
}
