package org.openmrs.module.webhooks.target;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;

/**
 * Creates and rotates a target's signing secrets (in memory; the caller stores the target). Newest first;
 * the newest never expires; during a rotation the previous ones keep signing until their overlap ends, and
 * expired ones are dropped at the next change. Thread-safe when the generator is.
 */
public final class SigningSecrets {

	private static final long HOUR_MILLIS = 3_600_000L;

	private final Supplier<String> generator;

	/** @param generator makes a new {@code whsec_} secret of fresh random bytes on each call */
	public SigningSecrets(Supplier<String> generator) {
		this.generator = generator;
	}

	/**
	 * Drops expired secrets and, when signing is on and no secret is left, adds a new one.
	 *
	 * @return the new secret in clear, or {@code null} when none was made
	 */
	public String ensureSecret(Target target, long now) {
		List<SigningSecret> active = active(target.getSigningSecrets(), now);
		String created = null;
		if (target.isSigningEnabled() && active.isEmpty()) {
			created = generator.get();
			active.add(new SigningSecret(created, now, 0));
		}
		target.setSigningSecrets(active);
		return created;
	}

	/**
	 * Puts a new secret first; each previous one signs until {@code now + overlapHours} at the latest (an earlier
	 * expiry stays), so {@code overlapHours = 0} revokes them at once.
	 *
	 * @return the new secret in clear
	 */
	public String rotate(Target target, long now, int overlapHours) {
		long overlapEnd = now + overlapHours * HOUR_MILLIS;
		List<SigningSecret> secrets = new ArrayList<>();
		String created = generator.get();
		secrets.add(new SigningSecret(created, now, 0));
		for (SigningSecret old : active(target.getSigningSecrets(), now)) {
			long expiresAt = old.getExpiresAt() == 0 ? overlapEnd : Math.min(old.getExpiresAt(), overlapEnd);
			if (expiresAt > now) {
				secrets.add(new SigningSecret(old.getSecret(), old.getCreatedAt(), expiresAt));
			}
		}
		target.setSigningSecrets(secrets);
		return created;
	}

	/** Drops the secrets that no longer sign at {@code now}; never adds one. */
	public static void dropExpired(Target target, long now) {
		target.setSigningSecrets(active(target.getSigningSecrets(), now));
	}

	private static List<SigningSecret> active(List<SigningSecret> secrets, long now) {
		List<SigningSecret> active = new ArrayList<>();
		for (SigningSecret s : secrets) {
			if (s.isActiveAt(now)) {
				active.add(s);
			}
		}
		return active;
	}
}
