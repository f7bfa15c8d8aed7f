package org.openmrs.module.webhooks.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetHealth;

/**
 * Turns what a client sent into the target to store: a copy (the client's object is never changed) with the
 * fields the client may not set taken from the stored target or reset, and secrets resolved by the write-only
 * rules (masked or {@code null} keeps the stored value, {@code ""} removes it). The result is then validated.
 */
public final class TargetChanges {

	private TargetChanges() {
	}

	/**
	 * A new target: not retired, fresh health, created and changed {@code now}. Signing secrets the client
	 * supplied in clear are kept (to import a receiver's existing secret); masked or empty ones are dropped.
	 *
	 * @param uuid used when the client sent none
	 */
	public static Target forCreate(Target incoming, String uuid, long now) {
		Target t = TargetCopies.copy(incoming);
		t.setId(null);
		if (t.getUuid() == null || t.getUuid().trim().isEmpty()) {
			t.setUuid(uuid);
		}
		t.setRetired(false);
		t.setRetireReason(null);
		t.setHealth(new TargetHealth());
		t.setDateCreated(now);
		t.setDateChanged(now);
		TargetAuth auth = t.getAuth();
		auth.setPassword(SecretValues.fresh(auth.getPassword()));
		auth.setToken(SecretValues.fresh(auth.getToken()));
		auth.setValue(SecretValues.fresh(auth.getValue()));
		keepOnlyFieldsOfType(auth);
		t.setHeaders(resolveHeaders(incoming.getHeaders(), new LinkedHashMap<String, String>()));
		List<SigningSecret> imported = new ArrayList<>();
		for (SigningSecret s : t.getSigningSecrets()) {
			String secret = SecretValues.fresh(s.getSecret());
			if (secret != null) {
				imported.add(new SigningSecret(secret, s.getCreatedAt() > 0 ? s.getCreatedAt() : now, s.getExpiresAt()));
			}
		}
		t.setSigningSecrets(imported);
		return t;
	}

	/**
	 * An edit of {@code stored}: identity, retirement, health and signing secrets stay as stored (they change
	 * through their own service methods); {@code dateChanged} moves strictly forward so that it works as the
	 * optimistic-lock version even for two saves in one millisecond.
	 */
	public static Target forUpdate(Target incoming, Target stored, long now) {
		Target t = TargetCopies.copy(incoming);
		t.setId(stored.getId());
		t.setUuid(stored.getUuid());
		t.setRetired(stored.isRetired());
		t.setRetireReason(stored.getRetireReason());
		t.setHealth(TargetCopies.copy(stored.getHealth()));
		t.setDateCreated(stored.getDateCreated());
		t.setDateChanged(nextDateChanged(stored, now));
		TargetAuth auth = t.getAuth();
		TargetAuth was = stored.getAuth();
		auth.setPassword(SecretValues.resolve(auth.getPassword(), was.getPassword()));
		auth.setToken(SecretValues.resolve(auth.getToken(), was.getToken()));
		auth.setValue(SecretValues.resolve(auth.getValue(), was.getValue()));
		keepOnlyFieldsOfType(auth);
		t.setHeaders(resolveHeaders(incoming.getHeaders(), stored.getHeaders()));
		t.setSigningSecrets(TargetCopies.copy(stored).getSigningSecrets());
		return t;
	}

	/** {@code now}, or one millisecond after the stored value when the clock has not moved past it. */
	public static long nextDateChanged(Target stored, long now) {
		return Math.max(now, stored.getDateChanged() + 1);
	}

	/** Credentials of another auth type are dropped, so that switching type never leaves an old secret stored. */
	private static void keepOnlyFieldsOfType(TargetAuth auth) {
		String type = auth.getType();
		if (!TargetAuth.BASIC.equals(type)) {
			auth.setUsername(null);
			auth.setPassword(null);
		}
		if (!TargetAuth.BEARER.equals(type)) {
			auth.setToken(null);
		}
		if (!TargetAuth.API_KEY.equals(type)) {
			auth.setHeaderName(null);
			auth.setValue(null);
		}
	}

	/**
	 * The header set the client sent (it is the whole set: headers it left out are removed), each value
	 * resolved against the stored header of the same name (case-insensitively); a header sent with {@code ""}
	 * is removed.
	 */
	private static Map<String, String> resolveHeaders(Map<String, String> incoming, Map<String, String> stored) {
		Map<String, String> storedByName = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : stored.entrySet()) {
			storedByName.put(lower(e.getKey()), e.getValue());
		}
		Map<String, String> resolved = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : incoming.entrySet()) {
			if ("".equals(e.getValue())) {
				continue;
			}
			String was = stored.containsKey(e.getKey()) ? stored.get(e.getKey()) : storedByName.get(lower(e.getKey()));
			resolved.put(e.getKey(), SecretValues.resolve(e.getValue(), was));
		}
		return resolved;
	}

	private static String lower(String name) {
		return name == null ? null : name.toLowerCase(Locale.ROOT);
	}
}
