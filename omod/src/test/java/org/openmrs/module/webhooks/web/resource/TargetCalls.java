package org.openmrs.module.webhooks.web.resource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.openmrs.module.webservices.rest.web.resource.impl.BaseDelegatingResource;
import org.openmrs.module.webservices.rest.web.response.ConversionException;
import org.openmrs.module.webservices.rest.web.response.ObjectNotFoundException;

/**
 * The REST calls on {@code webhooktarget}, made the way the REST module's DelegatingCrudResource (2.x / 3.x) makes
 * them, on our resource: create is newDelegate → setConvertedProperties (the creatable properties, plus uuid when
 * posted) → save → representation; update is getByUniqueId (null: 404) → setConvertedProperties (the updatable
 * properties plus retired) → save; delete is getByUniqueId (null: 404) → delete; purge of an unknown uuid succeeds
 * doing nothing.
 *
 * <p>setConvertedProperties as BaseDelegatingResource has it (webservices.rest 2.51.0 and 3.4.1 alike): first every
 * property in the resource's {@code propertiesIgnoredWhenUpdating} is dropped from the body, then the allowed ones
 * are set in the order of the description, each only when its posted value differs from what getProperty reads;
 * a property left that is not allowed is refused with a ConversionException (400) unless posted back unchanged.
 * The ignored set is read from the resource itself, so a property the resource ignores is never set here either.
 */
final class TargetCalls {

	private final TargetResource resource;

	TargetCalls(TargetResource resource) {
		this.resource = resource;
	}

	/** POST /webhooktarget: what the 201 carries (v=default). */
	Map<String, Object> create(Map<String, Object> body) {
		WebhookTarget delegate = resource.newDelegate();
		List<String> allowed = new ArrayList<>(TargetJson.ACCEPTED_ON_CREATE);
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
		Map<String, Object> toSet = new HashMap<>(body);
		toSet.keySet().removeAll(ignoredWhenUpdating(resource));
		for (String property : allowed) {
			if (!toSet.containsKey(property)) {
				continue;
			}
			if (Objects.equals(resource.getProperty(delegate, property), toSet.get(property))) {
				toSet.remove(property);
				continue;
			}
			resource.setProperty(delegate, property, toSet.get(property));
		}
		List<String> notAllowed = new ArrayList<>();
		for (Map.Entry<String, Object> left : toSet.entrySet()) {
			if (!allowed.contains(left.getKey())
			        && !Objects.equals(resource.getProperty(delegate, left.getKey()), left.getValue())) {
				notAllowed.add(left.getKey());
			}
		}
		if (!notAllowed.isEmpty()) {
			throw new ConversionException("Some properties are not allowed to be set: " + String.join(", ", notAllowed));
		}
	}

	/** BaseDelegatingResource's protected {@code propertiesIgnoredWhenUpdating} of this resource. */
	@SuppressWarnings("unchecked")
	static Set<String> ignoredWhenUpdating(TargetResource resource) {
		try {
			Field field = BaseDelegatingResource.class.getDeclaredField("propertiesIgnoredWhenUpdating");
			field.setAccessible(true);
			return (Set<String>) field.get(resource);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
