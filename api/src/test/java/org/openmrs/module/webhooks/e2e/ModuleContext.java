package org.openmrs.module.webhooks.e2e;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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
import org.openmrs.annotation.Authorized;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.WebhooksLifecycle;
import org.openmrs.module.webhooks.capture.CaptureInterceptor;
import org.openmrs.module.webhooks.delivery.WebhooksSettings;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.outbox.SqlDialect;
import org.openmrs.module.webhooks.target.SecretCipher;
import org.openmrs.module.webhooks.target.TestSecretCipher;
import org.openmrs.module.webhooks.testdb.TestDatabase;
import org.springframework.aop.MethodBeforeAdvice;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.orm.hibernate5.HibernateTransactionManager;
import org.springframework.orm.hibernate5.LocalSessionFactoryBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's real {@code moduleApplicationContext.xml} in a Spring context, as OpenMRS runs it: core's beans are
 * played by stand-ins that behave like core's ({@code serviceContext} collects module services,
 * {@code serviceInterceptors} reads {@code @Authorized}, {@code transactionAttributeSource} is Spring's annotation
 * source, {@code transactionManager} is Spring's {@link HibernateTransactionManager}, and {@code sessionFactory} is
 * a real Hibernate 5.6 session factory over the OpenMRS-shaped test mappings whose entity interceptor is every
 * {@link Interceptor} bean of the context, as core's session factory bean autowires them). Only what needs a
 * running OpenMRS is replaced: the connection source (the test database), the settings (global properties), the
 * secret cipher (core's Security), the "allow http" flag (a global property), and the capture interceptor's
 * session lookup (core's {@code Context.getRegisteredComponent("sessionFactory")}) is pointed at the session
 * factory bean.
 */
final class ModuleContext implements AutoCloseable {

	/**
	 * Core's {@code ServiceContext}: a static singleton ({@code factory-method="getInstance"}); module services
	 * arrive through {@code setModuleService}. Each {@link ModuleContext} installs a fresh one before it refreshes.
	 */
	public static final class ServiceContextStandIn {

		private static volatile ServiceContextStandIn instance = new ServiceContextStandIn();

		public static ServiceContextStandIn getInstance() {
			return instance;
		}

		private final Map<String, Object> services = Collections.synchronizedMap(new LinkedHashMap<>());

		/** As core's: a list of the interface's name and the service (the transaction proxy). */
		public void setModuleService(List<Object> params) {
			services.put((String) params.get(0), params.get(1));
		}

		Map<String, Object> services() {
			return new LinkedHashMap<>(services);
		}
	}

	/** Core's authorization advice: refuses a method whose {@code @Authorized} privileges the user lacks. */
	static final class AuthorizationStandIn implements MethodBeforeAdvice {

		final Set<String> privileges = Collections.synchronizedSet(new HashSet<>());

		final AtomicInteger checks = new AtomicInteger();

		@Override
		public void before(Method method, Object[] args, Object target) {
			Authorized authorized = method.getAnnotation(Authorized.class);
			if (authorized != null) {
				checks.incrementAndGet();
				if (!privileges.containsAll(Arrays.asList(authorized.value()))) {
					throw new SecurityException("privilege required for " + method.getName());
				}
			}
		}
	}

	/** Spring's Hibernate transaction manager, counting the transactions it begins. */
	static final class CountingTransactionManager extends HibernateTransactionManager {

		private static final long serialVersionUID = 1L;

		final AtomicInteger begun = new AtomicInteger();

		CountingTransactionManager(SessionFactory sessionFactory) {
			super(sessionFactory);
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			begun.incrementAndGet();
			super.doBegin(transaction, definition);
		}
	}

	/** The test database as the module's connection source, without handing Spring its {@code close()}. */
	static final class Connections implements ConnectionSource {

		private final TestDatabase db;

		Connections(TestDatabase db) {
			this.db = db;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return db.getConnection();
		}

		@Override
		public SqlDialect getDialect() {
			return db.getDialect();
		}
	}

	final TestDatabase db;

	final GenericApplicationContext context;

	final ServiceContextStandIn serviceContext;

	final AuthorizationStandIn authorization = new AuthorizationStandIn();

	private ModuleContext(TestDatabase db, WebhooksSettings settings, boolean allowHttp) {
		this.db = db;
		this.context = new GenericApplicationContext();
		this.serviceContext = new ServiceContextStandIn();
		ServiceContextStandIn.instance = serviceContext;
		try {
			defineCore();
			new XmlBeanDefinitionReader(context).loadBeanDefinitions("classpath:moduleApplicationContext.xml");
			replaceWhatNeedsARunningOpenmrs(settings, allowHttp);
			context.refresh();
		}
		catch (RuntimeException | Error e) {
			context.close();
			throw e;
		}
	}

	/** Loads and refreshes the module's context over {@code db} (already migrated). */
	static ModuleContext start(TestDatabase db, WebhooksSettings settings) {
		return new ModuleContext(db, settings, true);
	}

	private void defineCore() {
		// core: <bean id="serviceContext" class="...ServiceContext" factory-method="getInstance">; a module's
		// <bean parent="serviceContext"> therefore calls setModuleService on the one ServiceContext
		RootBeanDefinition serviceContextBean = new RootBeanDefinition(ServiceContextStandIn.class);
		serviceContextBean.setFactoryMethodName("getInstance");
		context.registerBeanDefinition("serviceContext", serviceContextBean);
		// core: a list of its advice (authorization, logging, required data), the services' pre-interceptors
		context.getBeanFactory().registerSingleton("serviceInterceptors", new ArrayList<Object>(List.of(authorization)));
		context.registerBean("transactionAttributeSource", AnnotationTransactionAttributeSource.class,
		    () -> new AnnotationTransactionAttributeSource());
		context.registerBean("sessionFactory", SessionFactory.class, this::buildSessionFactory);
		context.registerBean("transactionManager", PlatformTransactionManager.class,
		    () -> new CountingTransactionManager(context.getBean("sessionFactory", SessionFactory.class)));
	}

	private void replaceWhatNeedsARunningOpenmrs(WebhooksSettings settings, boolean allowHttp) {
		// bean definitions of the same names, registered after the XML's: they override them
		context.registerBean("webhooksConnectionSource", ConnectionSource.class, () -> new Connections(db));
		context.registerBean("webhooksSettings", WebhooksSettings.class, () -> settings);
		context.registerBean("webhooksSecretCipher", SecretCipher.class, TestSecretCipher::new);
		context.registerBean("webhooksAllowHttp", java.util.function.BooleanSupplier.class, () -> () -> allowHttp);
		// the same listener, minus its registration with core's AdministrationService (a stub here)
		context.registerBean("webhooksSettingsListener", org.openmrs.module.webhooks.delivery.SettingsChangeListener.class,
		    () -> new org.openmrs.module.webhooks.delivery.SettingsChangeListener(settings::invalidate,
		            context.getBean("webhooksDeliveryEngine", org.openmrs.module.webhooks.delivery.DeliveryEngine.class),
		            false));
	}

	/**
	 * Core's session factory bean: autowires every {@link Interceptor} bean (core chains them sorted by name; the
	 * module must contribute exactly one), maps the (test copies of the) OpenMRS classes.
	 */
	private SessionFactory buildSessionFactory() {
		Map<String, Interceptor> interceptors = context.getBeansOfType(Interceptor.class);
		if (interceptors.size() != 1) {
			throw new IllegalStateException("expected the module's one Interceptor bean, found " + interceptors.keySet());
		}
		Interceptor interceptor = interceptors.values().iterator().next();
		LocalSessionFactoryBuilder builder = new LocalSessionFactoryBuilder(db.dataSource());
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
		SessionFactory sessionFactory = builder.buildSessionFactory();
		lookUpSessionsIn(interceptor, sessionFactory);
		return sessionFactory;
	}

	/**
	 * What {@code Context.getRegisteredComponent("sessionFactory", SessionFactory.class)} answers in OpenMRS: the
	 * interceptor's production lookup ({@code ContextCurrentSession}) is kept and handed the session factory bean
	 * it would find there. Reflection, because the lookup is private to the capture package and core's static
	 * {@code Context} is a stub here.
	 */
	private static void lookUpSessionsIn(Interceptor interceptor, SessionFactory sessionFactory) {
		try {
			Field sessions = CaptureInterceptor.class.getDeclaredField("sessions");
			sessions.setAccessible(true);
			Object lookUp = sessions.get(interceptor);
			if (!lookUp.getClass().getSimpleName().equals("ContextCurrentSession")) {
				throw new IllegalStateException("the XML's interceptor should look sessions up through core's Context, not "
				        + lookUp.getClass().getName());
			}
			Field factory = lookUp.getClass().getDeclaredField("factory");
			factory.setAccessible(true);
			factory.set(lookUp, sessionFactory);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("the capture interceptor's session lookup changed: update the e2e test", e);
		}
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

	// ------------------------------------------------------------------ what tests use

	/** A module service as core's ServiceContext received it ({@code Context.getService} would answer it). */
	<T> T service(Class<T> type) {
		Object service = serviceContext.services().get(type.getName());
		if (service == null) {
			throw new IllegalStateException(type.getName() + " was not registered with the serviceContext");
		}
		return type.cast(service);
	}

	/** What core's {@code Context.getRegisteredComponents(WebhooksLifecycle.class)} answers. */
	List<WebhooksLifecycle> lifecycleBeans() {
		return new ArrayList<>(context.getBeansOfType(WebhooksLifecycle.class).values());
	}

	SessionFactory sessionFactory() {
		return context.getBean("sessionFactory", SessionFactory.class);
	}

	CountingTransactionManager transactionManager() {
		return context.getBean("transactionManager", CountingTransactionManager.class);
	}

	/** Runs {@code work} in a real transaction of the transaction manager bean (as core's services do). */
	void inTransaction(Consumer<Session> work) {
		new TransactionTemplate(transactionManager()).executeWithoutResult(status -> work.accept(
		    sessionFactory().getCurrentSession()));
	}

	/** Runs {@code work} in a transaction that is then rolled back (after a flush: the inserts did run). */
	void inRolledBackTransaction(Consumer<Session> work) {
		new TransactionTemplate(transactionManager()).executeWithoutResult(status -> {
			Session session = sessionFactory().getCurrentSession();
			work.accept(session);
			session.flush();
			status.setRollbackOnly();
		});
	}

	/** Grants the current (stand-in) user the module's privileges. */
	void grantWebhooksPrivileges() {
		authorization.privileges.add(WebhooksConstants.PRIV_GET_WEBHOOKS);
		authorization.privileges.add(WebhooksConstants.PRIV_MANAGE_WEBHOOKS);
	}

	@Override
	public void close() {
		context.close();
	}
}
