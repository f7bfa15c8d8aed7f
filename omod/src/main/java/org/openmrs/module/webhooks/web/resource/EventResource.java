package org.openmrs.module.webhooks.web.resource;

import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.model.Event;
import org.openmrs.module.webhooks.web.Guard;
import org.openmrs.module.webhooks.web.Privileges;
import org.openmrs.module.webhooks.web.WebhooksServices;
import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.RestConstants;
import org.openmrs.module.webservices.rest.web.annotation.Resource;
import org.openmrs.module.webservices.rest.web.representation.Representation;
import org.openmrs.module.webservices.rest.web.resource.api.PageableResult;
import org.openmrs.module.webservices.rest.web.resource.impl.DelegatingResourceDescription;
import org.openmrs.module.webservices.rest.web.response.ConversionException;

/**
 * {@code /ws/rest/v1/webhookevent}: the captured events, newest first, searched by {@code type},
 * {@code resource} (the changed resource's uuid), {@code patient}, {@code fromdate}, {@code todate}. Read-only;
 * replays go through {@code POST /ws/rest/v1/webhooks/target/{uuid}/replay}. Needs "Get Webhooks".
 */
@Resource(name = RestConstants.VERSION_1 + "/webhookevent", supportedClass = Event.class,
        supportedOpenmrsVersions = { "2.5.* - 2.*" })
public class EventResource extends ReadOnlyResource<Event> {

	private final WebhooksServices services;

	private final Guard guard;

	/** Used by the REST module, which builds resources itself. */
	public EventResource() {
		this(WebhooksServices.fromContext(), new Guard(Privileges.fromContext()));
	}

	EventResource(WebhooksServices services, Guard guard) {
		super("webhookevent is read-only; send events to a target again with POST /ws/rest/v1/webhooks/target/{uuid}/replay");
		this.services = services;
		this.guard = guard;
	}

	public DelegatingResourceDescription getRepresentationDescription(Representation rep) {
		return Descriptions.of(rep, EventJson.REF, EventJson.DEFAULT, EventJson.FULL);
	}

	@Override
	public Event getByUniqueId(String uuid) {
		guard.require(WebhooksConstants.PRIV_GET_WEBHOOKS);
		return services.deliveries().getEventByUuid(uuid);
	}

	@Override
	protected PageableResult doSearch(RequestContext context) {
		return DeliveryResource.paged(search(new RequestParams(context)), context);
	}

	@Override
	protected PageableResult doGetAll(RequestContext context) {
		return doSearch(context);
	}

	Page<Event> search(SearchParams params) {
		guard.require(WebhooksConstants.PRIV_GET_WEBHOOKS);
		return services.deliveries().searchEvents(SearchCriteria.events(params));
	}

	@Override
	public Object getProperty(Event delegate, String property) throws ConversionException {
		try {
			return EventJson.get(delegate, property);
		}
		catch (IllegalArgumentException e) {
			throw new ConversionException(e.getMessage());
		}
	}
}
