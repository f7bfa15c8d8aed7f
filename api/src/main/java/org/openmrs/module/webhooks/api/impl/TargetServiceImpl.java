package org.openmrs.module.webhooks.api.impl;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openmrs.api.impl.BaseOpenmrsService;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.delivery.TestEventSender;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.target.CachedTargetRegistry;
import org.openmrs.module.webhooks.target.SigningSecrets;
import org.openmrs.module.webhooks.target.TargetChanges;
import org.openmrs.module.webhooks.target.TargetConflictException;
import org.openmrs.module.webhooks.target.TargetMasking;
import org.openmrs.module.webhooks.target.TargetNotFoundException;
import org.openmrs.module.webhooks.target.TargetStore;
import org.openmrs.module.webhooks.target.TargetValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TargetService} over the module's own JDBC storage.
 *
 * <p>Optimistic locking: {@code dateChanged} is the version. An update whose target carries a non-zero
 * {@code dateChanged} other than the stored one is refused ({@link TargetConflictException}); the write itself is
 * conditional on the version read at the start of the save, so two saves racing on two nodes cannot both win.
 *
 * <p>Each write is one JDBC transaction of
 * {@link TargetStore} (so this class carries no {@code @Transactional}: a Hibernate transaction would be empty,
 * and {@link #sendTestEvent} must run outside any transaction). Every write invalidates the
 * {@link CachedTargetRegistry} of this node. Privileges are checked by core's AOP from the interface's
 * {@code @Authorized}.
 */
public class TargetServiceImpl extends BaseOpenmrsService implements TargetService {

	private static final Logger log = LoggerFactory.getLogger(TargetServiceImpl.class);

	/** 30 days: longer than any receiver needs to deploy a new secret. */
	static final int MAX_OVERLAP_HOURS = 720;

	static final int MAX_RETIRE_REASON = 255;

	private final TargetStore store;

	private final TargetValidator validator;

	private final SigningSecrets signing;

	private final CachedTargetRegistry registry;

	private final TestEventSender testEventSender;

	private final Clock clock;

	public TargetServiceImpl(TargetStore store, TargetValidator validator, SigningSecrets signing,
	    CachedTargetRegistry registry, TestEventSender testEventSender, Clock clock) {
		this.store = store;
		this.validator = validator;
		this.signing = signing;
		this.registry = registry;
		this.testEventSender = testEventSender;
		this.clock = clock;
	}

	@Override
	public List<Target> getAllTargets(boolean includeRetired) {
		List<Target> masked = new ArrayList<>();
		for (Target t : store.list(includeRetired)) {
			masked.add(TargetMasking.masked(t));
		}
		return masked;
	}

	@Override
	public Target getTargetByUuid(String uuid) {
		Target t = uuid == null ? null : store.findByUuid(uuid);
		return t == null ? null : TargetMasking.masked(t);
	}

	@Override
	public SavedTarget saveTarget(Target target) {
		if (target == null) {
			throw TargetValidationException.of("target", "is required");
		}
		return target.getId() == null ? create(target) : update(target);
	}

	private SavedTarget create(Target incoming) {
		long now = clock.millis();
		Target t = TargetChanges.forCreate(incoming, UUID.randomUUID().toString(), now);
		Map<String, String> errors = new LinkedHashMap<>();
		if (incoming.getUuid() != null && store.findByUuid(t.getUuid()) != null) {
			errors.put("uuid", "is already used by another target: leave it out to get a new one");
		}
		validate(t, errors);
		String newSecret = signing.ensureSecret(t, now);
		t.setId(store.insert(t));
		registry.invalidate();
		log.info("Webhook target {} created", t.getUuid());
		return new SavedTarget(TargetMasking.masked(t), newSecret);
	}

	private SavedTarget update(Target incoming) {
		Target stored = store.findById(incoming.getId());
		if (stored == null) {
			throw new TargetNotFoundException("with id " + incoming.getId());
		}
		// a client that sends back the dateChanged it read is protected from overwriting a change made since
		if (incoming.getDateChanged() != 0 && incoming.getDateChanged() != stored.getDateChanged()) {
			throw new TargetConflictException(stored.getUuid());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (incoming.getUuid() != null && !incoming.getUuid().equals(stored.getUuid())) {
			errors.put("uuid", "does not match the target being saved: a target's uuid cannot change");
		}
		long now = clock.millis();
		Target t = TargetChanges.forUpdate(incoming, stored, now);
		validate(t, errors);
		String newSecret = signing.ensureSecret(t, now);
		boolean enabledByHand = t.isEnabled() && !stored.isEnabled();
		store.update(t, stored.getDateChanged(), enabledByHand);
		registry.invalidate();
		log.info("Webhook target {} updated", t.getUuid());
		return new SavedTarget(reread(t.getId(), t.getUuid()), newSecret);
	}

	@Override
	public SavedTarget rotateSigningSecret(String targetUuid, int overlapHours) {
		if (overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
			throw TargetValidationException.of("overlapHours", "is " + overlapHours + ": use 0 to "
			        + MAX_OVERLAP_HOURS + " hours (0 stops the old secrets at once)");
		}
		Target t = require(targetUuid);
		long now = clock.millis();
		long expected = t.getDateChanged();
		t.setDateChanged(TargetChanges.nextDateChanged(t, now));
		String newSecret = signing.rotate(t, now, overlapHours);
		store.update(t, expected, false);
		registry.invalidate();
		log.info("Signing secret of webhook target {} rotated, old ones kept {} h", targetUuid, overlapHours);
		return new SavedTarget(TargetMasking.masked(t), newSecret);
	}

	@Override
	public Target retireTarget(String targetUuid, String reason) {
		if (reason == null || reason.trim().isEmpty() || reason.length() > MAX_RETIRE_REASON) {
			throw TargetValidationException.of("retireReason", "is required, at most " + MAX_RETIRE_REASON
			        + " characters: say why the target is retired");
		}
		return setRetired(targetUuid, true, reason);
	}

	@Override
	public Target unretireTarget(String targetUuid) {
		return setRetired(targetUuid, false, null);
	}

	private Target setRetired(String targetUuid, boolean retired, String reason) {
		Target t = require(targetUuid);
		if (!store.setRetired(t.getId(), retired, reason, TargetChanges.nextDateChanged(t, clock.millis()))) {
			throw new TargetNotFoundException("with uuid " + targetUuid);
		}
		registry.invalidate();
		log.info("Webhook target {} {}", targetUuid, retired ? "retired" : "unretired");
		return reread(t.getId(), targetUuid);
	}

	@Override
	public void purgeTarget(String targetUuid) {
		Target t = require(targetUuid);
		if (!store.purge(t.getId())) {
			throw new TargetNotFoundException("with uuid " + targetUuid);
		}
		registry.invalidate();
		log.info("Webhook target {} purged with its deliveries", targetUuid);
	}

	@Override
	public Target setTargetEnabled(String targetUuid, boolean enabled) {
		Target t = require(targetUuid);
		if (!store.setEnabled(t.getId(), enabled, TargetChanges.nextDateChanged(t, clock.millis()))) {
			throw new TargetNotFoundException("with uuid " + targetUuid);
		}
		registry.invalidate();
		log.info("Webhook target {} {}", targetUuid, enabled ? "enabled" : "disabled");
		return reread(t.getId(), targetUuid);
	}

	@Override
	public TestResult sendTestEvent(String targetUuid) {
		Target t = require(targetUuid);
		SigningSecrets.dropExpired(t, clock.millis());
		return testEventSender.send(t);
	}

	private void validate(Target t, Map<String, String> earlierErrors) {
		try {
			validator.validate(t);
		}
		catch (TargetValidationException e) {
			earlierErrors.putAll(e.getFieldErrors());
		}
		if (!earlierErrors.isEmpty()) {
			throw new TargetValidationException(earlierErrors);
		}
	}

	/** The target with secrets in clear. */
	private Target require(String uuid) {
		Target t = uuid == null ? null : store.findByUuid(uuid);
		if (t == null) {
			throw new TargetNotFoundException("with uuid " + uuid);
		}
		return t;
	}

	/** As stored after a write (health included), masked. */
	private Target reread(long id, String uuid) {
		Target t = store.findById(id);
		if (t == null) {
			throw new TargetNotFoundException("with uuid " + uuid);
		}
		return TargetMasking.masked(t);
	}
}
