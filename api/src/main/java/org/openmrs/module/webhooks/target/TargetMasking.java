package org.openmrs.module.webhooks.target;

import java.util.Map;

import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;

/**
 * What the API returns of a target: a copy with every credential and header value masked ({@code ****} plus at
 * most the last 4 characters, nothing of a value under 12 characters) and the signing secrets' values removed
 * (their count, creation and expiry times stay). No side effects.
 */
public final class TargetMasking {

	private TargetMasking() {
	}

	/** @param target with secrets in clear, not {@code null}; left unchanged */
	public static Target masked(Target target) {
		Target masked = TargetCopies.copy(target);
		TargetAuth auth = masked.getAuth();
		auth.setPassword(SecretValues.mask(auth.getPassword()));
		auth.setToken(SecretValues.mask(auth.getToken()));
		auth.setValue(SecretValues.mask(auth.getValue()));
		for (Map.Entry<String, String> header : masked.getHeaders().entrySet()) {
			header.setValue(SecretValues.mask(header.getValue()));
		}
		for (SigningSecret secret : masked.getSigningSecrets()) {
			secret.setSecret(null);
		}
		return masked;
	}
}
