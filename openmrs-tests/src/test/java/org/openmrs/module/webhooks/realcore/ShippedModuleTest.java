package org.openmrs.module.webhooks.realcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.hibernate.Interceptor;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.openmrs.GlobalProperty;
import org.openmrs.Privilege;
import org.openmrs.api.context.Context;
import org.openmrs.api.db.hibernate.ChainingInterceptor;
import org.openmrs.module.Module;
import org.openmrs.module.webhooks.WebhooksActivator;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.capture.CaptureInterceptor;
import org.openmrs.module.webhooks.realcore.support.ModuleInstall;
import org.openmrs.module.webhooks.realcore.support.Outbox;
import org.openmrs.module.webhooks.realcore.support.ShippedModule;
import org.openmrs.module.webhooks.web.resource.TargetResource;
import org.openmrs.module.webservices.rest.web.v1_0.controller.BaseRestController;
import org.openmrs.util.OpenmrsConstants;
import org.w3c.dom.Document;

/**
 * What this suite stands on: the real core and REST module of the line asked for, the reactor's jars (not the
 * stubs), one copy of each module file core reads, the interceptor in core's session factory, the schema of
 * liquibase.xml, the privileges and global properties of config.xml.
 */
public class ShippedModuleTest extends RealCoreTest {

	private static final String WEBHOOKS_VERSION = System.getProperty("webhooks.expected.version");

	@Test
	public void classPath_shouldHoldTheRealOpenmrsOfTheLineAskedFor() {
		String core = System.getProperty("webhooks.expected.openmrs.version");
		String rest = System.getProperty("webhooks.expected.rest.version");

		assertThat(OpenmrsConstants.OPENMRS_VERSION_SHORT).startsWith(core);
		assertThat(ShippedModule.containerOf(Context.class).getName()).isEqualTo("openmrs-api-" + core + ".jar");
		assertThat(ShippedModule.containerOf(BaseRestController.class).getName())
		        .isEqualTo("webservices.rest-omod-common-" + rest + ".jar");
	}

	@Test
	public void classPath_shouldHoldTheReactorJarsAndNoStubs() {
		File api = ShippedModule.containerOf(WebhooksActivator.class);
		File omod = ShippedModule.containerOf(TargetResource.class);

		assertThat(api.getName()).isEqualTo("webhooks-api-" + WEBHOOKS_VERSION + ".jar");
		assertThat(api.getParentFile().getParentFile().getName()).as("built in the reactor's api module").isEqualTo("api");
		assertThat(omod).isEqualTo(ShippedModule.jar());
		assertThat(omod.getName()).isEqualTo("webhooks-" + WEBHOOKS_VERSION + ".jar");
		assertThat(omod.getParentFile().getParentFile().getName()).as("built in the reactor's omod module").isEqualTo("omod");

		List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
		assertThat(classPath).as("class path").isNotEmpty().noneMatch(e -> e.contains("openmrs-stubs"));
		// every OpenMRS class the module links against comes from a real OpenMRS jar
		for (Class<?> used : new Class<?>[] { Context.class, org.openmrs.Patient.class, BaseRestController.class,
		        org.openmrs.module.webservices.rest.web.resource.impl.DelegatingCrudResource.class }) {
			assertThat(ShippedModule.containerOf(used).getName()).as(used.getName()).doesNotContain("webhooks");
		}
	}

	@Test
	public void moduleFiles_shouldBeReadFromTheShippedOmodOnce() {
		for (String file : new String[] { "moduleApplicationContext.xml", "liquibase.xml" }) {
			List<URL> copies = ShippedModule.locationsOf(file);
			assertThat(copies).as(file).hasSize(1);
			assertThat(ShippedModule.containerOf(copies.get(0))).as(file).isEqualTo(ShippedModule.jar());
		}
		Module config = ShippedModule.config();
		assertThat(config.getModuleId()).isEqualTo(ShippedModule.MODULE_ID);
		assertThat(config.getVersion()).isEqualTo(WEBHOOKS_VERSION);
		assertThat(config.getActivatorName()).isEqualTo(WebhooksActivator.class.getName());
	}

	@Test
	public void captureInterceptor_shouldBeChainedIntoCoresSessionFactory() {
		CaptureInterceptor bean = applicationContext.getBean("webhooksCaptureInterceptor", CaptureInterceptor.class);
		SessionFactory sf = Context.getRegisteredComponent("sessionFactory", SessionFactory.class);

		Interceptor interceptor = ((SessionFactoryImplementor) sf).getSessionFactoryOptions().getInterceptor();

		assertThat(interceptor).isInstanceOf(ChainingInterceptor.class);
		assertThat(((ChainingInterceptor) interceptor).interceptors).contains(bean);
		assertThat(applicationContext.getBeansOfType(CaptureInterceptor.class)).hasSize(1);
	}

	@Test
	public void liquibase_shouldHaveAppliedEveryChangeSetOfTheShippedFile() throws Exception {
		int declared;
		try (InputStream in = ShippedModule.class.getClassLoader().getResourceAsStream("liquibase.xml")) {
			Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
			declared = doc.getElementsByTagName("changeSet").getLength();
		}
		try (Connection c = Outbox.outsideConnection()) {
			for (String table : new String[] { "webhooks_event", "webhooks_target", "webhooks_delivery",
			        "webhooks_attempt", "webhooks_counter" }) {
				assertThat(ModuleInstall.tableExists(c, table)).as(table).isTrue();
			}
			try (PreparedStatement ps = c.prepareStatement(
			    "SELECT COUNT(*) FROM liquibasechangelog WHERE filename = 'liquibase.xml' AND author = 'webhooks'");
			        ResultSet rs = ps.executeQuery()) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(declared).isPositive();
			}
		}
	}

	@Test
	public void configXml_privilegesAndGlobalProperties_shouldExistAndServicesBeRegistered() {
		Module config = ShippedModule.config();
		assertThat(config.getPrivileges().stream().map(Privilege::getPrivilege).collect(Collectors.toList()))
		        .containsExactlyInAnyOrder("Manage Webhooks", "Get Webhooks");
		for (Privilege p : config.getPrivileges()) {
			assertThat(Context.getUserService().getPrivilege(p.getPrivilege())).as(p.getPrivilege()).isNotNull();
		}
		for (GlobalProperty gp : config.getGlobalProperties()) {
			assertThat(Context.getAdministrationService().getGlobalPropertyObject(gp.getProperty())).as(gp.getProperty())
			        .isNotNull();
		}
		assertThat(Context.getService(TargetService.class)).isNotNull();
		assertThat(Context.getService(DeliveryService.class)).isNotNull();
	}
}
