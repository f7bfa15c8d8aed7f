package org.openmrs.module.webhooks.web.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;

/**
 * A TargetService in memory, standing in for the real H2-backed one until it is merged: it keeps the contract
 * the REST layer relies on (reads masked, masked or null secrets keep their stored value, a new signing secret
 * returned once, validation naming fields, nothing saved on failure). Swap it in {@link TestServices}.
 */
public class InMemoryTargetService implements TargetService {

	private final Map<String, Target> stored = new LinkedHashMap<>();

	private long nextId = 1;

	private long clock = 1_790_000_000_000L;

	public TestResult nextTestResult = new TestResult(true, 200, 42, null, "{\"ok\":true}");

	public final List<String> calls = new ArrayList<>();

	@Override
	public List<Target> getAllTargets(boolean includeRetired) {
		List<Target> all = new ArrayList<>();
		for (Target t : stored.values()) {
			if (includeRetired || !t.isRetired()) {
				all.add(Targets.masked(t));
			}
		}
		all.sort(Comparator.comparing(Target::getName));
		return all;
	}

	@Override
	public Target getTargetByUuid(String uuid) {
		Target t = stored.get(uuid);
		return t == null ? null : Targets.masked(t);
	}

	@Override
	public SavedTarget saveTarget(Target target) {
		calls.add("saveTarget");
		validate(target);
		Target previous = target.getId() == null ? null : stored.get(target.getUuid());
		Target toStore = Targets.copy(target);
		String newSecret = null;
		if (previous == null) {
			toStore.setId(nextId++);
			if (toStore.getUuid() == null) {
				toStore.setUuid(UUID.randomUUID().toString());
			}
			toStore.setDateCreated(++clock);
			if (toStore.isSigningEnabled() && toStore.getSigningSecrets().isEmpty()) {
				newSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
				toStore.getSigningSecrets().add(new SigningSecret(newSecret, clock, 0));
			}
		} else {
			keepStoredSecrets(previous, toStore);
			toStore.setSigningSecrets(previous.getSigningSecrets());
			toStore.setHealth(previous.getHealth());
			toStore.setDateCreated(previous.getDateCreated());
		}
		toStore.setDateChanged(++clock);
		stored.put(toStore.getUuid(), toStore);
		return new SavedTarget(Targets.masked(toStore), newSecret);
	}

	@Override
	public SavedTarget rotateSigningSecret(String targetUuid, int overlapHours) {
		calls.add("rotateSigningSecret " + targetUuid + " " + overlapHours);
		Target t = existing(targetUuid);
		for (SigningSecret old : t.getSigningSecrets()) {
			old.setExpiresAt(clock + overlapHours * 3_600_000L);
		}
		String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
		t.getSigningSecrets().add(0, new SigningSecret(secret, ++clock, 0));
		t.setSigningEnabled(true);
		return new SavedTarget(Targets.masked(t), secret);
	}

	@Override
	public Target retireTarget(String targetUuid, String reason) {
		calls.add("retireTarget " + targetUuid + " " + reason);
		Target t = existing(targetUuid);
		t.setRetired(true);
		t.setRetireReason(reason);
		return Targets.masked(t);
	}

	@Override
	public Target unretireTarget(String targetUuid) {
		calls.add("unretireTarget " + targetUuid);
		Target t = existing(targetUuid);
		t.setRetired(false);
		t.setRetireReason(null);
		return Targets.masked(t);
	}

	@Override
	public void purgeTarget(String targetUuid) {
		calls.add("purgeTarget " + targetUuid);
		stored.remove(targetUuid);
	}

	@Override
	public Target setTargetEnabled(String targetUuid, boolean enabled) {
		calls.add("setTargetEnabled " + targetUuid + " " + enabled);
		Target t = existing(targetUuid);
		t.setEnabled(enabled);
		return Targets.masked(t);
	}

	@Override
	public TestResult sendTestEvent(String targetUuid) {
		calls.add("sendTestEvent " + targetUuid);
		existing(targetUuid);
		return nextTestResult;
	}

	/** The stored target with its secrets in clear, for assertions. */
	public Target storedInClear(String uuid) {
		return stored.get(uuid);
	}

	public int size() {
		return stored.size();
	}

	@Override
	public void onStartup() {
	}

	@Override
	public void onShutdown() {
	}

	private Target existing(String uuid) {
		Target t = stored.get(uuid);
		if (t == null) {
			throw TargetValidationException.of("target", "no such target");
		}
		return t;
	}

	/** Enough of the real rules to exercise the REST layer's mapping of field errors. */
	private static void validate(Target t) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (t.getName() == null || t.getName().isEmpty()) {
			errors.put("name", "is required");
		}
		if (t.getUrl() == null || !t.getUrl().startsWith("https://")) {
			errors.put("url", "must be an https:// URL");
		}
		for (int i = 0; i < t.getEventTypes().size(); i++) {
			if (!org.openmrs.module.webhooks.model.EventTypes.isValidFilter(t.getEventTypes().get(i))) {
				errors.put("eventTypes[" + i + "]", "is not a known event type or pattern");
			}
		}
		if (t.getBatchSize() < 1) {
			errors.put("batchSize", "must be at least 1");
		}
		if (TargetAuth.API_KEY.equals(t.getAuth().getType()) && t.getAuth().getHeaderName() == null) {
			errors.put("auth.headerName", "is required for apiKey authentication");
		}
		if (!errors.isEmpty()) {
			throw new TargetValidationException(errors);
		}
	}

	private static void keepStoredSecrets(Target previous, Target next) {
		TargetAuth p = previous.getAuth();
		TargetAuth n = next.getAuth();
		n.setPassword(Targets.keep(n.getPassword(), p.getPassword()));
		n.setToken(Targets.keep(n.getToken(), p.getToken()));
		n.setValue(Targets.keep(n.getValue(), p.getValue()));
		for (Map.Entry<String, String> h : next.getHeaders().entrySet()) {
			h.setValue(Targets.keep(h.getValue(), previous.getHeaders().get(h.getKey())));
		}
	}
}
