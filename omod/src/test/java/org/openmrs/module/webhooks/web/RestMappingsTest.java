package org.openmrs.module.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.web.controller.WebhooksController;
import org.openmrs.module.webhooks.web.resource.DeliveryResource;
import org.openmrs.module.webhooks.web.resource.EventResource;
import org.openmrs.module.webhooks.web.resource.TargetResource;
import org.openmrs.module.webhooks.web.resource.WebhookTarget;
import org.openmrs.module.webservices.rest.web.annotation.Resource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** What the REST module and Spring find at run time: resource names, supported classes, request mappings. */
class RestMappingsTest {

	@Test
	void resources_shouldBeRegisteredUnderTheirV1NamesForCores25To2x() {
		assertResource(TargetResource.class, "v1/webhooktarget", WebhookTarget.class);
		assertResource(DeliveryResource.class, "v1/webhookdelivery", Delivery.class);
		assertResource(EventResource.class, "v1/webhookevent", Event.class);
	}

	@Test
	void resources_shouldHaveThePublicNoArgConstructorTheRestModuleUses() throws Exception {
		for (Class<?> type : Arrays.asList(TargetResource.class, DeliveryResource.class, EventResource.class,
		    WebhooksController.class)) {
			assertThat(type.getConstructor().getModifiers() & java.lang.reflect.Modifier.PUBLIC).as(type.getName())
			        .isNotZero();
		}
	}

	@Test
	void controller_shouldServeTheActionsUnderRestV1WebhooksWithoutServletTypes() {
		assertThat(WebhooksController.class.getAnnotation(Controller.class)).isNotNull();
		assertThat(WebhooksController.class.getAnnotation(RequestMapping.class).value())
		        .containsExactly("/rest/v1/webhooks");
		List<String> mappings = new ArrayList<>();
		for (Method m : WebhooksController.class.getDeclaredMethods()) {
			RequestMapping mapping = m.getAnnotation(RequestMapping.class);
			if (mapping != null) {
				mappings.add(mapping.method()[0] + " " + mapping.value()[0]);
				assertThat(m.getParameterTypes()).as(m.getName())
				        .noneMatch(p -> p.getName().startsWith("javax.servlet"));
			}
		}
		assertThat(mappings).containsExactlyInAnyOrder("POST /target/{uuid}/test", "POST /target/{uuid}/rotatesecret",
		    "POST /target/{uuid}/enable", "POST /target/{uuid}/disable", "POST /target/{uuid}/retryfailed",
		    "POST /target/{uuid}/replay", "POST /delivery/{uuid}/retry", "GET /stats", "GET /eventtypes");
	}

	private static void assertResource(Class<?> type, String name, Class<?> supported) {
		Resource resource = type.getAnnotation(Resource.class);
		assertThat(resource).as(type.getName() + " @Resource visible at run time").isNotNull();
		assertThat(resource.name()).isEqualTo(name);
		assertThat(resource.supportedClass()).isEqualTo(supported);
		assertThat(resource.supportedOpenmrsVersions()).containsExactly("2.5.* - 2.*");
	}
}
