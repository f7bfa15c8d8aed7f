package org.openmrs.module.webhooks.web.resource;

import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.Page;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.web.Guard;
import org.openmrs.module.webhooks.web.Privileges;
import org.openmrs.module.webhooks.web.WebhooksServices;
import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.RestConstants;
import org.openmrs.module.webservices.rest.web.annotation.Resource;
import org.openmrs.module.webservices.rest.web.representation.Representation;
import org.openmrs.module.webservices.rest.web.resource.api.PageableResult;
import org.openmrs.module.webservices.rest.web.resource.impl.AlreadyPaged;
import org.openmrs.module.webservices.rest.web.resource.impl.DelegatingResourceDescription;
import org.openmrs.module.webservices.rest.web.response.ConversionException;

/**
 * {@code /ws/rest/v1/webhookdelivery}: the delivery log, newest first, searched by {@code target},
 * {@code status}, {@code eventType}, {@code patient}, {@code fromdate}, {@code todate}, paged by the service.
 * Read-only; retries go through {@code POST /ws/rest/v1/webhooks/delivery/{uuid}/retry}. Needs "Get Webhooks".
 */
@Resource(name = RestConstants.VERSION_1 + "/webhookdelivery", supportedClass = Delivery.class,
        supportedOpenmrsVersions = { "2.5.* - 2.*" })
public class DeliveryResource extends ReadOnlyResource<Delivery> {

	private final WebhooksServices services;

	private final Guard guard;

	/** Used by the REST module, which builds resources itself. */
	public DeliveryResource() {
		this(WebhooksServices.fromContext(), new Guard(Privileges.fromContext()));
	}

	DeliveryResource(WebhooksServices services, Guard guard) {
		super("webhookdelivery is read-only; retry one with POST /ws/rest/v1/webhooks/delivery/{uuid}/retry");
		this.services = services;
		this.guard = guard;
	}

	public DelegatingResourceDescription getRepresentationDescription(Representation rep) {
		return Descriptions.of(rep, DeliveryJson.REF, DeliveryJson.DEFAULT, DeliveryJson.FULL);
	}

	/** The delivery with its attempt log. */
	@Override
	public Delivery getByUniqueId(String uuid) {
		guard.require(WebhooksConstants.PRIV_GET_WEBHOOKS);
		return services.deliveries().getDeliveryByUuid(uuid);
	}

	@Override
	protected PageableResult doSearch(RequestContext context) {
		return paged(search(new RequestParams(context)), context);
	}

	/** Without parameters: the whole log, newest first, a page at a time. */
	@Override
	protected PageableResult doGetAll(RequestContext context) {
		return doSearch(context);
	}

	Page<Delivery> search(SearchParams params) {
		guard.require(WebhooksConstants.PRIV_GET_WEBHOOKS);
		return services.deliveries().searchDeliveries(SearchCriteria.deliveries(params));
	}

	@Override
	public Object getProperty(Delivery delegate, String property) throws ConversionException {
		try {
			return DeliveryJson.get(delegate, property);
		}
		catch (IllegalArgumentException e) {
			throw new ConversionException(e.getMessage());
		}
	}

	static <T> PageableResult paged(Page<T> page, RequestContext context) {
		Long total = page.getTotalCount() < 0 ? null : page.getTotalCount();
		return new AlreadyPaged<T>(context, page.getRows(), page.hasMore(), total);
	}
}
