package org.openmrs.module.webhooks.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;

/** Valid targets for tests to start from, with recognisable secret values. */
public final class Targets {

	public static final String PASSWORD = "s3cret-Passw0rd-XYZ1";

	public static final String API_KEY = "key-0123456789-abcdefWXYZ";

	public static final String HEADER_VALUE = "header-secret-value-7788";

	private Targets() {
	}

	/** A target with API-key auth and one custom header, as OpenFn would be configured. */
	public static Target openFn(String name) {
		Target t = new Target();
		t.setName(name);
		t.setDescription("an OpenFn workflow");
		t.setUrl("https://app.openfn.org/i/6b0f2c1e-aaaa-bbbb-cccc-1234567890ab");
		t.setEventTypes(new ArrayList<>(Arrays.asList("patient.*", "encounter.created")));
		t.getFilters().setConcepts(new ArrayList<>(Arrays.asList("5089AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
		TargetAuth auth = new TargetAuth();
		auth.setType(TargetAuth.API_KEY);
		auth.setHeaderName("x-api-key");
		auth.setValue(API_KEY);
		t.setAuth(auth);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Custom", HEADER_VALUE);
		t.setHeaders(headers);
		return t;
	}

	public static Target basic(String name) {
		Target t = openFn(name);
		TargetAuth auth = new TargetAuth();
		auth.setType(TargetAuth.BASIC);
		auth.setUsername("openmrs");
		auth.setPassword(PASSWORD);
		t.setAuth(auth);
		return t;
	}
}
