package org.openmrs.module.webhooks.web.controller;

import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.web.resource.WebhookTarget;
import org.openmrs.module.webservices.rest.web.ConversionUtil;
import org.openmrs.module.webservices.rest.web.representation.Representation;

/** Through the REST module's converters, so an action answers with exactly what GET would, links included. */
final class RestRepresenter implements Representer {

	@Override
	public Object target(Target target) {
		return ConversionUtil.convertToRepresentation(new WebhookTarget(target), Representation.DEFAULT);
	}

	@Override
	public Object delivery(Delivery delivery) {
		return ConversionUtil.convertToRepresentation(delivery, Representation.DEFAULT);
	}
}
