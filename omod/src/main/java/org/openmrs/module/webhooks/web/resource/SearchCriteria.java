package org.openmrs.module.webhooks.web.resource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.openmrs.module.webhooks.api.DeliverySearch;
import org.openmrs.module.webhooks.api.EventSearch;
import org.openmrs.module.webhooks.model.DeliveryStatus;
import org.openmrs.module.webhooks.web.BadRequest;
import org.openmrs.module.webhooks.web.Iso;

/**
 * Query parameters → the api's search criteria. Unknown values of {@code status} and unreadable dates are a 400
 * naming the parameter; absent parameters do not filter.
 */
final class SearchCriteria {

	private final SearchParams params;

	private final Map<String, String> errors = new LinkedHashMap<String, String>();

	private SearchCriteria(SearchParams params) {
		this.params = params;
	}

	/** {@code target}, {@code status}, {@code eventType}, {@code patient}, {@code fromdate}, {@code todate}. */
	static DeliverySearch deliveries(SearchParams params) {
		SearchCriteria c = new SearchCriteria(params);
		DeliverySearch search = new DeliverySearch().setTargetUuid(params.get("target"))
		        .setStatus(c.status("status")).setEventType(params.get("eventType"))
		        .setPatientUuid(params.get("patient")).setFrom(c.time("fromdate")).setTo(c.time("todate"))
		        .setStartIndex(params.startIndex()).setLimit(params.limit());
		c.failOnErrors();
		return search;
	}

	/** {@code type}, {@code resource} (the changed resource's uuid), {@code patient}, {@code fromdate}, {@code todate}. */
	static EventSearch events(SearchParams params) {
		SearchCriteria c = new SearchCriteria(params);
		EventSearch search = new EventSearch().setType(params.get("type")).setResourceUuid(params.get("resource"))
		        .setPatientUuid(params.get("patient")).setFrom(c.time("fromdate")).setTo(c.time("todate"))
		        .setStartIndex(params.startIndex()).setLimit(params.limit());
		c.failOnErrors();
		return search;
	}

	private DeliveryStatus status(String name) {
		String value = params.get(name);
		if (value == null) {
			return null;
		}
		try {
			return DeliveryStatus.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.put(name, "must be one of pending, delivered, failed, dead");
			return null;
		}
	}

	private Long time(String name) {
		String value = params.get(name);
		if (value == null) {
			return null;
		}
		try {
			return Iso.parse(value);
		}
		catch (IllegalArgumentException e) {
			errors.put(name, e.getMessage());
			return null;
		}
	}

	private void failOnErrors() {
		if (!errors.isEmpty()) {
			throw BadRequest.of(errors);
		}
	}
}
