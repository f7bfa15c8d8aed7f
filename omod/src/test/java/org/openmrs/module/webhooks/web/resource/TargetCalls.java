package org.openmrs.module.webhooks.web.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openmrs.module.webservices.rest.web.response.ConversionException;
import org.openmrs.module.webservices.rest.web.response.ObjectNotFoundException;

/**
 * The REST calls on {@code webhooktarget}, made the way the REST module's DelegatingCrudResource (2.x / 3.x) makes
 * them, on our resource: create is newDelegate → setProperty per allowed posted property (creatable ones, plus
 * uuid when posted) → save → representation; update is getByUniqueId (null: 404) → setProperty per allowed
 * property (updatable ones plus retired) → save; delete is getByUniqueId (null: 404) → delete; purge of an unknown
 * uuid succeeds doing nothing. A property that is not allowed is refused with its ConversionException (400)
 * unless it is in the resource's ignored list or posted back unchanged.
 */
final class TargetCalls {

	private final TargetResource resource;

	TargetCalls(TargetResource resource) {
		this.resource = resource;
	}

	/** POST /webhooktarget: what the 201 carries (v=default). */
	Map<String, Object> create(Map<String, Object> body) {
		WebhookTarget delegate = resource.newDelegate();
		List<String> allowed = new ArrayList<>(TargetJson.CREATABLE);
		if (body.containsKey("uuid")) {
			allowed.add("uuid");
		}
		setConvertedProperties(delegate, body, allowed);
		return TargetJson.represent(resource.save(delegate), "default");
	}

	/** POST /webhooktarget/{uuid}: what the 200 carries (v=default). */
	Map<String, Object> update(String uuid, Map<String, Object> body) {
		WebhookTarget delegate = existing(uuid);
		List<String> allowed = new ArrayList<>(TargetJson.UPDATABLE);
		if (resource.isRetirable() && !allowed.contains("retired")) {
			allowed.add("retired");
		}
		setConvertedProperties(delegate, body, allowed);
		return TargetJson.represent(resource.save(delegate), "default");
	}

	/** GET /webhooktarget/{uuid}?v=... */
	Map<String, Object> get(String uuid, String representation) {
		return TargetJson.represent(existing(uuid), representation);
	}

	/** DELETE /webhooktarget/{uuid}?reason=... */
	void delete(String uuid, String reason) {
		resource.delete(existing(uuid), reason, null);
	}

	/** DELETE /webhooktarget/{uuid}?purge=true */
	void purge(String uuid) {
		WebhookTarget delegate = resource.getByUniqueId(uuid);
		if (delegate != null) {
			resource.purge(delegate, null);
		}
	}

	private WebhookTarget existing(String uuid) {
		WebhookTarget delegate = resource.getByUniqueId(uuid);
		if (delegate == null) {
			throw new ObjectNotFoundException();
		}
		return delegate;
	}

	private void setConvertedProperties(WebhookTarget delegate, Map<String, Object> body, List<String> allowed) {
		List<String> notAllowed = new ArrayList<>();
		for (String property : body.keySet()) {
			if (!allowed.contains(property) && !TargetJson.IGNORED_ON_WRITE.contains(property)
			        && !Objects.equals(resource.getProperty(delegate, property), body.get(property))) {
				notAllowed.add(property);
			}
		}
		for (String property : allowed) {
			if (body.containsKey(property)) {
				resource.setProperty(delegate, property, body.get(property));
			}
		}
		if (!notAllowed.isEmpty()) {
			throw new ConversionException("Some properties are not allowed to be set: " + String.join(",", notAllowed));
		}
	}
}
