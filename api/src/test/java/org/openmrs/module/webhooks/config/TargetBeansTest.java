package org.openmrs.module.webhooks.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.annotation.Authorized;
import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.delivery.TargetRegistry;
import org.openmrs.module.webhooks.delivery.TestEventSender;
import org.openmrs.module.webhooks.target.Targets;
import org.openmrs.module.webhooks.target.TestSecretCipher;
import org.openmrs.module.webhooks.testdb.TestDatabase;
import org.springframework.aop.MethodBeforeAdvice;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;

/**
 * The target beans of moduleApplicationContext.xml, loaded as OpenMRS loads them: core's {@code serviceContext},
 * {@code serviceInterceptors}, {@code transactionManager} and {@code transactionAttributeSource}, and the
 * beans other parts of the module define, are played by stand-ins; core's authorization advice by a stand-in
 * that reads {@code @Authorized} the same way. The cipher and the "allow http" setting, which need a running
 * OpenMRS, are replaced by test ones.
 */
class TargetBeansTest {

	private static final Set<String> PRIVILEGES = Collections.synchronizedSet(new HashSet<>());

	private static final List<List<Object>> REGISTERED = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void forget() {
		PRIVILEGES.clear();
		REGISTERED.clear();
	}

	@Test
	void moduleContext_shouldRegisterTheTargetServiceWithCoreAndEnforceItsPrivileges() {
		try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2).migrate();
		        GenericApplicationContext context = moduleContext(db)) {
			assertThat(REGISTERED).extracting(params -> params.get(0)).containsExactlyInAnyOrder(
			    TargetService.class.getName(), org.openmrs.module.webhooks.api.DeliveryService.class.getName());
			List<Object> registration = REGISTERED.stream().filter(p -> p.get(0).equals(TargetService.class.getName()))
			        .findFirst().get();
			assertThat(registration.get(1)).isInstanceOf(TargetService.class);
			TargetService service = (TargetService) registration.get(1);

			assertThatThrownBy(() -> service.getAllTargets(false)).isInstanceOf(Denied.class);
			PRIVILEGES.add(WebhooksConstants.PRIV_GET_WEBHOOKS);
			assertThat(service.getAllTargets(false)).isEmpty();
			assertThatThrownBy(() -> service.saveTarget(Targets.openFn("x"))).isInstanceOf(Denied.class);

			PRIVILEGES.add(WebhooksConstants.PRIV_MANAGE_WEBHOOKS);
			SavedTarget saved = service.saveTarget(Targets.openFn("x"));

			assertThat(saved.getTarget().getAuth().getValue()).startsWith("****");
			TargetRegistry registry = context.getBean("webhooksTargetRegistry", TargetRegistry.class);
			assertThat(registry.deliverableTargets()).singleElement()
			        .satisfies(t -> assertThat(t.getAuth().getValue()).isEqualTo(Targets.API_KEY));
			assertThat(service.sendTestEvent(saved.getTarget().getUuid()).getStatusCode()).isEqualTo(204);
		}
	}

	private static GenericApplicationContext moduleContext(TestDatabase db) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getBeanFactory().registerSingleton("transactionManager", new NoTransactions());
		context.getBeanFactory().registerSingleton("transactionAttributeSource",
		    new AnnotationTransactionAttributeSource());
		context.getBeanFactory().registerSingleton("serviceInterceptors", new Object[] { new AuthorizationStandIn() });
		RootBeanDefinition serviceContext = new RootBeanDefinition(ServiceContextStandIn.class);
		serviceContext.setAbstract(true);
		context.registerBeanDefinition("serviceContext", serviceContext);
		new XmlBeanDefinitionReader(context).loadBeanDefinitions("classpath:moduleApplicationContext.xml");

		// the module's beans that need a running OpenMRS (session factory, global properties), or send over the
		// network, are replaced after the XML is read, as bean definitions of the same name
		context.registerBean("webhooksConnectionSource", TestDatabase.class, () -> db);
		context.registerBean("webhooksClock", Clock.class, Clock::systemUTC);
		context.registerBean("webhooksTestEventSender", TestEventSender.class,
		    () -> target -> new TestResult(true, 204, 1, null, null));

		context.registerBeanDefinition("webhooksSecretCipher", new RootBeanDefinition(TestSecretCipher.class));
		context.registerBeanDefinition("webhooksAllowHttp", new RootBeanDefinition(AllowHttp.class));
		context.refresh();
		return context;
	}

	/** Plays core's ServiceContext: the module's {@code <bean parent="serviceContext">} sets moduleService. */
	public static class ServiceContextStandIn {

		public void setModuleService(List<Object> params) {
			REGISTERED.add(params);
		}
	}

	/** Reads {@code @Authorized} from the interface method, as core's AuthorizationAdvice does. */
	static class AuthorizationStandIn implements MethodBeforeAdvice {

		@Override
		public void before(Method method, Object[] args, Object target) {
			Authorized authorized = method.getAnnotation(Authorized.class);
			if (authorized != null && !PRIVILEGES.containsAll(Arrays.asList(authorized.value()))) {
				throw new Denied(method.getName());
			}
		}
	}

	static class Denied extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Denied(String method) {
			super(method);
		}
	}

	/** Fails if the service proxy ever opens a Hibernate transaction: the target service must not. */
	static class NoTransactions implements PlatformTransactionManager {

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			throw new AssertionError("the target service opened a transaction");
		}

		@Override
		public void commit(TransactionStatus status) {
			throw new AssertionError("commit");
		}

		@Override
		public void rollback(TransactionStatus status) {
			throw new AssertionError("rollback");
		}
	}

	public static class AllowHttp implements java.util.function.BooleanSupplier {

		@Override
		public boolean getAsBoolean() {
			return false;
		}
	}
}
