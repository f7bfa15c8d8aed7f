package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.delivery.http.EgressPolicy;
import org.openmrs.module.webhooks.delivery.http.HttpTransport;

/** The module's real HTTP transport, allowed to reach the test receivers on 127.0.0.1 over plain http. */
final class TestTransports {

	static final EgressPolicy LOOPBACK = EgressPolicy.parse(true, "127.0.0.1/32", "");

	private TestTransports() {
	}

	static HttpTransport loopback() {
		return HttpTransport.builder(() -> LOOPBACK, "test").maxConnections(64, 32).build();
	}
}
