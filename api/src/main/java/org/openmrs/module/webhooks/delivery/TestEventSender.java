package org.openmrs.module.webhooks.delivery;

import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.model.Target;

/**
 * Sends one {@code webhooks.test} event to a target right away, exactly as a real delivery would be sent
 * (payload, signature, auth, custom headers, egress rules), and reports the receiver's answer. Synchronous;
 * must be called outside any database transaction. Records no delivery.
 */
public interface TestEventSender {

	/** @param target with secrets decrypted */
	TestResult send(Target target);
}
