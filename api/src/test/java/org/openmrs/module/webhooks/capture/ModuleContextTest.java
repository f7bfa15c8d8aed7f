package org.openmrs.module.webhooks.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.Interceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.core.io.ClassPathResource;

/** The capture beans of moduleApplicationContext.xml build without OpenMRS (nothing is looked up eagerly). */
class ModuleContextTest {

	@Test
	void moduleApplicationContext_shouldDeclareOneInterceptorBuildableWithoutASessionFactory() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		// core's abstract parent of module service registrations, so the other definitions resolve
		RootBeanDefinition serviceContext = new RootBeanDefinition(Object.class);
		serviceContext.setAbstract(true);
		beans.registerBeanDefinition("serviceContext", serviceContext);
		new XmlBeanDefinitionReader(beans).loadBeanDefinitions(new ClassPathResource("moduleApplicationContext.xml"));

		// no eager initialisation: only the interceptor (and what it needs) may be built here
		assertThat(beans.getBeanNamesForType(Interceptor.class, true, false))
		        .containsExactly("webhooksCaptureInterceptor");
		assertThat(beans.getBean("webhooksCaptureInterceptor")).isInstanceOf(CaptureInterceptor.class);
	}
}
