package org.openmrs.module.webhooks.web.resource;

import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.web.BadRequest;
import org.openmrs.module.webhooks.web.Guard;
import org.openmrs.module.webhooks.web.Privileges;
import org.openmrs.module.webhooks.web.ServiceErrors;
import org.openmrs.module.webhooks.web.WebhooksServices;
import org.openmrs.module.webservices.rest.web.RequestContext;
import org.openmrs.module.webservices.rest.web.RestConstants;
import org.openmrs.module.webservices.rest.web.annotation.Resource;
import org.openmrs.module.webservices.rest.web.representation.Representation;
import org.openmrs.module.webservices.rest.web.resource.api.PageableResult;
import org.openmrs.module.webservices.rest.web.resource.impl.DelegatingCrudResource;
import org.openmrs.module.webservices.rest.web.resource.impl.DelegatingResourceDescription;
import org.openmrs.module.webservices.rest.web.resource.impl.NeedsPaging;
import org.openmrs.module.webservices.rest.web.response.ConversionException;
import org.openmrs.module.webservices.rest.web.response.ResponseException;

/**
 * {@code /ws/rest/v1/webhooktarget}: create, read, update (POST to the uuid), retire (DELETE), purge
 * ({@code DELETE ?purge=true}) and list ({@code includeAll=true} for retired ones too). The JSON is
 * {@link TargetJson}'s; reading a request body is {@link TargetWriter}'s. Reads need "Get Webhooks", writes
 * "Manage Webhooks".
 */
@Resource(name = RestConstants.VERSION_1 + "/webhooktarget", supportedClass = WebhookTarget.class,
        supportedOpenmrsVersions = { "2.5.* - 2.*" })
public class TargetResource extends DelegatingCrudResource<WebhookTarget> {

	private final WebhooksServices services;

	private final Guard guard;

	/** Used by the REST module, which builds resources itself. */
	public TargetResource() {
		this(WebhooksServices.fromContext(), new Guard(Privileges.fromContext()));
	}

	TargetResource(WebhooksServices services, Guard guard) {
		this.services = services;
		this.guard = guard;
		propertiesIgnoredWhenUpdating.addAll(TargetJson.IGNORED_ON_WRITE);
	}

	/** {@code null} for custom representations: the REST module builds those from the names asked for. */
	public DelegatingResourceDescription getRepresentationDescription(Representation rep) {
		return Descriptions.of(rep, TargetJson.REF, TargetJson.DEFAULT, TargetJson.FULL);
	}

	@Override
	public DelegatingResourceDescription getCreatableProperties() {
		return Descriptions.of(TargetJson.ACCEPTED_ON_CREATE);
	}

	@Override
	public DelegatingResourceDescription getUpdatableProperties() {
		return Descriptions.of(TargetJson.UPDATABLE);
	}

	public WebhookTarget newDelegate() {
		return new WebhookTarget(new Target());
	}

	/**
	 * Saves a created or updated target. Nothing is saved when the body had values of the wrong shape or the
	 * service rejects the target: both come back as one 400 naming every field. An update whose {@code dateChanged}
	 * is not the stored one (the target changed since the client read it) is a 409, an update of a target purged
	 * meanwhile a 404.
	 */
	public WebhookTarget save(WebhookTarget delegate) {
		guard.require(WebhooksConstants.PRIV_MANAGE_WEBHOOKS);
		if (!delegate.getInputErrors().isEmpty()) {
			throw BadRequest.of(delegate.getInputErrors());
		}
		final TargetService targets = services.targets();
		SavedTarget saved = ServiceErrors.call(() -> targets.saveTarget(delegate.getTarget()));
		Target result = saved.getTarget();
		Boolean retired = delegate.getRetiredRequested();
		if (retired != null && retired != result.isRetired()) {
			final String uuid = result.getUuid();
			result = ServiceErrors.call(() -> retired ? targets.retireTarget(uuid, "retired through the REST API")
			        : targets.unretireTarget(uuid));
		}
		WebhookTarget response = new WebhookTarget(result);
		response.setNewSecret(saved.getNewSigningSecret());
		return response;
	}

	@Override
	public WebhookTarget getByUniqueId(String uuid) {
		guard.require(WebhooksConstants.PRIV_GET_WEBHOOKS);
		Target target = services.targets().getTargetByUuid(uuid);
		return target == null ? null : new WebhookTarget(target);
	}

	/** DELETE without {@code purge}: retires, with the request's {@code reason} (required, at most 255 characters). */
	@Override
	protected void delete(WebhookTarget delegate, String reason, RequestContext context) throws ResponseException {
		guard.require(WebhooksConstants.PRIV_MANAGE_WEBHOOKS);
		ServiceErrors.run(() -> {
			try {
				services.targets().retireTarget(delegate.getUuid(), reason);
			}
			catch (TargetValidationException e) {
				// the service names it retireReason; the request parameter is reason
				throw BadRequest.of("reason", "is required, at most 255 characters: say why the target is retired");
			}
		});
	}

	/** Brings a retired target back (the REST module's undelete, where it has one; {@code retired: false} otherwise). */
	@Override
	protected WebhookTarget undelete(WebhookTarget delegate, RequestContext context) throws ResponseException {
		guard.require(WebhooksConstants.PRIV_MANAGE_WEBHOOKS);
		return new WebhookTarget(ServiceErrors.call(() -> services.targets().unretireTarget(delegate.getUuid())));
	}

	@Override
	public void purge(WebhookTarget delegate, RequestContext context) throws ResponseException {
		guard.require(WebhooksConstants.PRIV_MANAGE_WEBHOOKS);
		ServiceErrors.run(() -> services.targets().purgeTarget(delegate.getUuid()));
	}

	@Override
	protected PageableResult doGetAll(RequestContext context) throws ResponseException {
		return new NeedsPaging<WebhookTarget>(all(Boolean.TRUE.equals(context.getIncludeAll())), context);
	}

	/** Every target ordered by name, retired ones only when asked for. */
	List<WebhookTarget> all(boolean includeRetired) {
		guard.require(WebhooksConstants.PRIV_GET_WEBHOOKS);
		List<WebhookTarget> all = new ArrayList<WebhookTarget>();
		for (Target t : services.targets().getAllTargets(includeRetired)) {
			all.add(new WebhookTarget(t));
		}
		return all;
	}

	@Override
	public boolean isRetirable() {
		return true;
	}

	@Override
	public Object getProperty(WebhookTarget delegate, String property) throws ConversionException {
		try {
			return TargetJson.get(delegate, property);
		}
		catch (IllegalArgumentException e) {
			throw new ConversionException(e.getMessage());
		}
	}

	@Override
	public void setProperty(Object delegate, String property, Object value) throws ConversionException {
		TargetWriter.set((WebhookTarget) delegate, property, value);
	}
}
