package org.openmrs.module.webhooks.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.Interceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.core.io.ClassPathResource;

/** The capture beans of moduleApplicationContext.xml build without OpenMRS (nothing is looked up eagerly). */
class ModuleContextTest {

	@Test
	void moduleApplicationContext_shouldDeclareOneInterceptorBuildableWithoutASessionFactory() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		new XmlBeanDefinitionReader(beans).loadBeanDefinitions(new ClassPathResource("moduleApplicationContext.xml"));

		assertThat(beans.getBeanNamesForType(Interceptor.class)).containsExactly("webhooksCaptureInterceptor");
		assertThat(beans.getBean("webhooksCaptureInterceptor")).isInstanceOf(CaptureInterceptor.class);
	}
}
