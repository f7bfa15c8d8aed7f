package org.openmrs.module.webhooks.web.testing;

import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;

/** Targets for the tests of the JSON mapping. */
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
}
