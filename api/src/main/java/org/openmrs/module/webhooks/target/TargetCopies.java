package org.openmrs.module.webhooks.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetFilters;
import org.openmrs.module.webhooks.model.TargetHealth;

/** Deep copies of targets, so that masking or merging never changes an object someone else holds. */
final class TargetCopies {

	private TargetCopies() {
	}

	static Target copy(Target t) {
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
		c.setFilters(copy(t.getFilters()));
		c.setRepresentation(t.getRepresentation());
		c.setOrdering(t.getOrdering());
		c.setBatchSize(t.getBatchSize());
		c.setMaxConcurrency(t.getMaxConcurrency());
		c.setTimeoutSeconds(t.getTimeoutSeconds());
		c.setMaxAttempts(t.getMaxAttempts());
		c.setAuth(copy(t.getAuth()));
		c.setHeaders(new LinkedHashMap<>(t.getHeaders()));
		c.setSigningEnabled(t.isSigningEnabled());
		List<SigningSecret> secrets = new ArrayList<>();
		for (SigningSecret s : t.getSigningSecrets()) {
			secrets.add(new SigningSecret(s.getSecret(), s.getCreatedAt(), s.getExpiresAt()));
		}
		c.setSigningSecrets(secrets);
		c.setHealth(copy(t.getHealth()));
		c.setDateCreated(t.getDateCreated());
		c.setDateChanged(t.getDateChanged());
		return c;
	}

	static TargetFilters copy(TargetFilters f) {
		TargetFilters c = new TargetFilters();
		c.setEncounterTypes(new ArrayList<>(f.getEncounterTypes()));
		c.setVisitTypes(new ArrayList<>(f.getVisitTypes()));
		c.setConcepts(new ArrayList<>(f.getConcepts()));
		c.setLocations(new ArrayList<>(f.getLocations()));
		c.setForms(new ArrayList<>(f.getForms()));
		return c;
	}

	static TargetAuth copy(TargetAuth a) {
		TargetAuth c = new TargetAuth();
		c.setType(a.getType());
		c.setUsername(a.getUsername());
		c.setPassword(a.getPassword());
		c.setToken(a.getToken());
		c.setHeaderName(a.getHeaderName());
		c.setValue(a.getValue());
		return c;
	}

	static TargetHealth copy(TargetHealth h) {
		TargetHealth c = new TargetHealth();
		c.setState(h.getState());
		c.setConsecutiveFailures(h.getConsecutiveFailures());
		c.setLastSuccessAt(h.getLastSuccessAt());
		c.setLastFailureAt(h.getLastFailureAt());
		c.setFailingSince(h.getFailingSince());
		c.setLastError(h.getLastError());
		c.setPausedUntil(h.getPausedUntil());
		return c;
	}
}
