package org.openmrs.module.webhooks.web.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetFilters;
import org.openmrs.module.webhooks.model.TargetHealth;

/** Copies and masks targets for the in-memory service, as the real one returns them. */
public final class Targets {

	private Targets() {
	}

	/** A target with every section set, secrets in clear. */
	public static Target full() {
		Target t = new Target();
		t.setName("OpenFn LIME");
		t.setDescription("Lab orders");
		t.setUrl("https://app.openfn.org/i/abc");
		t.getEventTypes().add("patient.*");
		t.getEventTypes().add("encounter.created");
		t.getFilters().getEncounterTypes().add("et-1");
		t.getFilters().getLocations().add("loc-1");
		t.getAuth().setType(TargetAuth.API_KEY);
		t.getAuth().setHeaderName("x-api-key");
		t.getAuth().setValue("apikey-secret-value-9876");
		t.getHeaders().put("X-Custom", "custom-header-secret-5555");
		t.setSigningEnabled(true);
		return t;
	}

	static String keep(String posted, String stored) {
		return posted == null || posted.startsWith("****") ? stored : posted;
	}

	public static Target masked(Target t) {
		Target m = copy(t);
		m.getAuth().setPassword(mask(m.getAuth().getPassword()));
		m.getAuth().setToken(mask(m.getAuth().getToken()));
		m.getAuth().setValue(mask(m.getAuth().getValue()));
		for (Map.Entry<String, String> h : m.getHeaders().entrySet()) {
			h.setValue(mask(h.getValue()));
		}
		for (SigningSecret s : m.getSigningSecrets()) {
			s.setSecret(null);
		}
		return m;
	}

	static String mask(String secret) {
		return secret == null ? null : "****" + secret.substring(Math.max(0, secret.length() - 4));
	}

	public static Target copy(Target t) {
		Target c = new Target();
		c.setId(t.getId());
		c.setUuid(t.getUuid());
		c.setName(t.getName());
		c.setDescription(t.getDescription());
		c.setUrl(t.getUrl());
		c.setEnabled(t.isEnabled());
		c.setRetired(t.isRetired());
		c.setRetireReason(t.getRetireReason());
		c.setEventTypes(new ArrayList<>(t.getEventTypes()));
		TargetFilters f = new TargetFilters();
		f.setEncounterTypes(new ArrayList<>(t.getFilters().getEncounterTypes()));
		f.setVisitTypes(new ArrayList<>(t.getFilters().getVisitTypes()));
		f.setConcepts(new ArrayList<>(t.getFilters().getConcepts()));
		f.setLocations(new ArrayList<>(t.getFilters().getLocations()));
		f.setForms(new ArrayList<>(t.getFilters().getForms()));
		c.setFilters(f);
		c.setRepresentation(t.getRepresentation());
		c.setOrdering(t.getOrdering());
		c.setBatchSize(t.getBatchSize());
		c.setMaxConcurrency(t.getMaxConcurrency());
		c.setTimeoutSeconds(t.getTimeoutSeconds());
		c.setMaxAttempts(t.getMaxAttempts());
		TargetAuth a = new TargetAuth();
		a.setType(t.getAuth().getType());
		a.setUsername(t.getAuth().getUsername());
		a.setPassword(t.getAuth().getPassword());
		a.setToken(t.getAuth().getToken());
		a.setHeaderName(t.getAuth().getHeaderName());
		a.setValue(t.getAuth().getValue());
		c.setAuth(a);
		c.setHeaders(new LinkedHashMap<>(t.getHeaders()));
		c.setSigningEnabled(t.isSigningEnabled());
		for (SigningSecret s : t.getSigningSecrets()) {
			c.getSigningSecrets().add(new SigningSecret(s.getSecret(), s.getCreatedAt(), s.getExpiresAt()));
		}
		TargetHealth h = new TargetHealth();
		h.setState(t.getHealth().getState());
		h.setConsecutiveFailures(t.getHealth().getConsecutiveFailures());
		h.setLastSuccessAt(t.getHealth().getLastSuccessAt());
		h.setLastFailureAt(t.getHealth().getLastFailureAt());
		h.setFailingSince(t.getHealth().getFailingSince());
		h.setLastError(t.getHealth().getLastError());
		h.setPausedUntil(t.getHealth().getPausedUntil());
		c.setHealth(h);
		c.setDateCreated(t.getDateCreated());
		c.setDateChanged(t.getDateChanged());
		return c;
	}
}
