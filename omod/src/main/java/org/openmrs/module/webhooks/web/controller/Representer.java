package org.openmrs.module.webhooks.web.controller;

import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.Target;

/** How the actions show the target or delivery they changed: as GET of the resource would (v=default). */
interface Representer {

	Object target(Target target);

	Object delivery(Delivery delivery);
}
