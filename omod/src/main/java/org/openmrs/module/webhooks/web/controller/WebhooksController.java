package org.openmrs.module.webhooks.web.controller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.openmrs.module.webhooks.WebhooksConstants;
import org.openmrs.module.webhooks.api.DeliveryService;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.model.Delivery;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.web.Guard;
import org.openmrs.module.webhooks.web.Privileges;
import org.openmrs.module.webhooks.web.ServiceErrors;
import org.openmrs.module.webhooks.web.WebhooksServices;
import org.openmrs.module.webhooks.web.resource.TargetJson;
import org.openmrs.module.webhooks.web.resource.WebhookTarget;
import org.openmrs.module.webservices.rest.web.RestConstants;
import org.openmrs.module.webservices.rest.web.response.ObjectNotFoundException;
import org.openmrs.module.webservices.rest.web.v1_0.controller.BaseRestController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The actions that are not CRUD, at {@code /ws/rest/v1/webhooks/...}: test send, secret rotation, enable /
 * disable, retry, retry-failed, replay, stats and the event-type catalogue. Extends the REST module's
 * {@link BaseRestController} so that errors get its JSON body and status (401 / 403 / 400 / 404 / 409).
 */
@Controller
@RequestMapping("/rest/" + RestConstants.VERSION_1 + "/webhooks")
public class WebhooksController extends BaseRestController {

	private static final String MANAGE = WebhooksConstants.PRIV_MANAGE_WEBHOOKS;

	private static final String GET = WebhooksConstants.PRIV_GET_WEBHOOKS;

	private final WebhooksServices services;

	private final Guard guard;

	private final Representer representer;

	/** Used by Spring, which finds the controller by classpath scan. */
	public WebhooksController() {
		this(WebhooksServices.fromContext(), new Guard(Privileges.fromContext()), new RestRepresenter());
	}

	WebhooksController(WebhooksServices services, Guard guard, Representer representer) {
		this.services = services;
		this.guard = guard;
		this.representer = representer;
	}

	/** Sends a {@code webhooks.test} event now; the receiver's answer, whatever it was, is a 200. */
	@RequestMapping(value = "/target/{uuid}/test", method = RequestMethod.POST)
	@ResponseBody
	public Object testTarget(@PathVariable("uuid") String uuid) {
		guard.require(MANAGE);
		existingTarget(uuid);
		return ActionJson.testResult(validated(() -> targets().sendTestEvent(uuid)));
	}

	/** A new signing secret, shown in this response only; the old ones keep signing for {@code overlapHours}. */
	@RequestMapping(value = "/target/{uuid}/rotatesecret", method = RequestMethod.POST)
	@ResponseBody
	public Object rotateSecret(@PathVariable("uuid") String uuid,
	        @RequestBody(required = false) Map<String, Object> body) {
		guard.require(MANAGE);
		int overlapHours = ActionInput.overlapHours(body);
		existingTarget(uuid);
		SavedTarget saved = validated(() -> targets().rotateSigningSecret(uuid, overlapHours));
		Map<String, Object> json = new LinkedHashMap<String, Object>();
		json.put("uuid", uuid);
		json.put("newSecret", saved.getNewSigningSecret());
		json.put("signing", TargetJson.get(new WebhookTarget(saved.getTarget()), "signing"));
		return json;
	}

	/** Enables the target and clears a paused or disabled health state. */
	@RequestMapping(value = "/target/{uuid}/enable", method = RequestMethod.POST)
	@ResponseBody
	public Object enableTarget(@PathVariable("uuid") String uuid) {
		return setEnabled(uuid, true);
	}

	@RequestMapping(value = "/target/{uuid}/disable", method = RequestMethod.POST)
	@ResponseBody
	public Object disableTarget(@PathVariable("uuid") String uuid) {
		return setEnabled(uuid, false);
	}

	/** Requeues every failed or dead delivery of the target created at or after {@code since}. */
	@RequestMapping(value = "/target/{uuid}/retryfailed", method = RequestMethod.POST)
	@ResponseBody
	public Object retryFailed(@PathVariable("uuid") String uuid, @RequestBody(required = false) Map<String, Object> body) {
		guard.require(MANAGE);
		long since = ActionInput.since(body);
		existingTarget(uuid);
		return ActionJson.count(validated(() -> deliveries().retryFailed(uuid, since)));
	}

	/** Sends every event since {@code since} that the target's filters match to the target again. */
	@RequestMapping(value = "/target/{uuid}/replay", method = RequestMethod.POST)
	@ResponseBody
	public Object replay(@PathVariable("uuid") String uuid, @RequestBody(required = false) Map<String, Object> body) {
		guard.require(MANAGE);
		long since = ActionInput.since(body);
		existingTarget(uuid);
		return ActionJson.count(validated(() -> deliveries().replay(uuid, since)));
	}

	/** Puts the delivery back in the queue for one attempt now. */
	@RequestMapping(value = "/delivery/{uuid}/retry", method = RequestMethod.POST)
	@ResponseBody
	public Object retryDelivery(@PathVariable("uuid") String uuid) {
		guard.require(MANAGE);
		if (deliveries().getDeliveryByUuid(uuid) == null) {
			throw new ObjectNotFoundException("No delivery with uuid " + uuid);
		}
		Delivery retried = validated(() -> deliveries().retryDelivery(uuid));
		return representer.delivery(retried);
	}

	@RequestMapping(value = "/stats", method = RequestMethod.GET)
	@ResponseBody
	public Object stats() {
		guard.require(GET);
		return ActionJson.stats(deliveries().getStats());
	}

	@RequestMapping(value = "/eventtypes", method = RequestMethod.GET)
	@ResponseBody
	public Object eventTypes() {
		guard.require(GET);
		return ActionJson.eventTypes();
	}

	private Object setEnabled(String uuid, boolean enabled) {
		guard.require(MANAGE);
		existingTarget(uuid);
		Target target = validated(() -> targets().setTargetEnabled(uuid, enabled));
		return representer.target(target);
	}

	private void existingTarget(String uuid) {
		if (targets().getTargetByUuid(uuid) == null) {
			throw new ObjectNotFoundException("No webhook target with uuid " + uuid);
		}
	}

	/** Runs a service call, its refusals turned into the REST module's 400 / 404 / 409 ({@link ServiceErrors}). */
	private static <T> T validated(Supplier<T> call) {
		return ServiceErrors.call(call);
	}

	private TargetService targets() {
		return services.targets();
	}

	private DeliveryService deliveries() {
		return services.deliveries();
	}
}
