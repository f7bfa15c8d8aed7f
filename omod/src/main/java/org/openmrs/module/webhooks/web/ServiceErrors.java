package org.openmrs.module.webhooks.web;

import java.util.function.Supplier;

import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.target.TargetConflictException;
import org.openmrs.module.webhooks.target.TargetNotFoundException;
import org.openmrs.module.webservices.rest.web.response.ObjectNotFoundException;

/**
 * The services' exceptions as the REST module answers them. Every call of a service that can refuse goes through
 * here, from the resources and the actions controller alike:
 * <ul>
 * <li>{@link TargetValidationException} → 400 with {@code fieldErrors} keyed by the REST field names
 * ({@link BadRequest});</li>
 * <li>{@link TargetNotFoundException} → 404 ({@link ObjectNotFoundException});</li>
 * <li>{@link TargetConflictException} → 409 ({@link TargetChangedException}).</li>
 * </ul>
 * Anything else goes on unchanged (the REST module answers a 500). None of these messages carries a value the
 * client sent.
 */
public final class ServiceErrors {

	private ServiceErrors() {
	}

	public static <T> T call(Supplier<T> serviceCall) {
		try {
			return serviceCall.get();
		}
		catch (TargetValidationException e) {
			throw BadRequest.of(e);
		}
		catch (TargetNotFoundException e) {
			throw new ObjectNotFoundException(e.getMessage());
		}
		catch (TargetConflictException e) {
			throw new TargetChangedException(e.getMessage());
		}
	}

	public static void run(Runnable serviceCall) {
		call(() -> {
			serviceCall.run();
			return null;
		});
	}
}
