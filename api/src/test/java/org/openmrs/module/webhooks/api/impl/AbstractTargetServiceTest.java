package org.openmrs.module.webhooks.api.impl;

import org.openmrs.module.webhooks.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.api.SavedTarget;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.api.TestResult;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;
import org.openmrs.module.webhooks.model.TargetState;
import org.openmrs.module.webhooks.target.CachedTargetRegistry;
import org.openmrs.module.webhooks.target.SigningSecrets;
import org.openmrs.module.webhooks.target.TargetConflictException;
import org.openmrs.module.webhooks.target.TargetDatabaseTestBase;
import org.openmrs.module.webhooks.target.TargetNotFoundException;
import org.openmrs.module.webhooks.target.TargetStore;
import org.openmrs.module.webhooks.target.TargetValidator;
import org.openmrs.module.webhooks.target.Targets;
import org.openmrs.module.webhooks.target.TestSecretCipher;

/** TargetServiceImpl over real storage; run on H2, MariaDB and PostgreSQL. */
abstract class AbstractTargetServiceTest extends TargetDatabaseTestBase {

	private static final long REFRESH_MILLIS = 5000;

	private final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T09:00:00Z"));

	private final List<Target> sentTestEvents = new ArrayList<>();

	private int generated;

	private CachedTargetRegistry registry;

	private TargetServiceImpl service;

	@BeforeEach
	void createService() {
		TargetStore store = new TargetStore(db, new TestSecretCipher());
		registry = new CachedTargetRegistry(store, clock, REFRESH_MILLIS);
		// distinct, valid secrets: base64 of 32 bytes, the first one counting
		SigningSecrets signing = new SigningSecrets(() -> {
			byte[] key = new byte[32];
			key[0] = (byte) ++generated;
			return "whsec_" + Base64.getEncoder().encodeToString(key);
		});
		service = new TargetServiceImpl(store, new TargetValidator(() -> false), signing, registry, target -> {
			sentTestEvents.add(target);
			return new TestResult(true, 200, 5, null, "{\"ok\":true}");
		}, clock);
	}

	private Target created(String name) {
		return service.saveTarget(Targets.basic(name)).getTarget();
	}

	private String rawConfig(String uuid) {
		return queryString("SELECT config FROM webhooks_target WHERE uuid = ?", uuid);
	}

	@Test
	void saveTarget_shouldCreateAndReturnTheTargetMasked() {
		SavedTarget saved = service.saveTarget(Targets.basic("OpenFn LIME"));

		Target t = saved.getTarget();
		assertThat(t.getId()).isNotNull();
		assertThat(t.getUuid()).hasSize(36);
		assertThat(t.getAuth().getPassword()).isEqualTo("****XYZ1");
		assertThat(t.getHeaders()).containsEntry("X-Custom", "****7788");
		assertThat(t.getDateCreated()).isEqualTo(clock.millis());
		assertThat(saved.getNewSigningSecret()).isNull();
		assertThat(service.getTargetByUuid(t.getUuid())).usingRecursiveComparison().isEqualTo(t);
		assertThat(service.getAllTargets(false)).singleElement().usingRecursiveComparison().isEqualTo(t);
	}

	@Test
	void saveTarget_shouldStoreSecretsEncryptedAtRest() {
		Target t = created("x");

		assertThat(rawConfig(t.getUuid())).doesNotContain(Targets.PASSWORD, Targets.HEADER_VALUE);
		assertThat(registry.getTarget(t.getId()).getAuth().getPassword()).isEqualTo(Targets.PASSWORD);
	}

	@Test
	void saveTarget_shouldKeepSecretsThatComeBackMaskedOrNull() {
		Target read = created("before");
		read.setName("after");
		read.getHeaders().put("X-Custom", null);

		Target saved = service.saveTarget(read).getTarget();

		assertThat(saved.getName()).isEqualTo("after");
		Target clear = registry.getTarget(saved.getId());
		assertThat(clear.getAuth().getPassword()).isEqualTo(Targets.PASSWORD);
		assertThat(clear.getHeaders()).containsEntry("X-Custom", Targets.HEADER_VALUE);
	}

	@Test
	void saveTarget_shouldReplaceASecretSentInClearAndRemoveOneSentEmpty() {
		Target read = created("x");
		read.getAuth().setPassword("a-brand-new-password");
		read.getHeaders().put("X-Custom", "");

		service.saveTarget(read);

		Target clear = registry.getTarget(read.getId());
		assertThat(clear.getAuth().getPassword()).isEqualTo("a-brand-new-password");
		assertThat(clear.getHeaders()).doesNotContainKey("X-Custom");
		assertThat(rawConfig(read.getUuid())).doesNotContain("a-brand-new-password", Targets.HEADER_VALUE);
	}

	@Test
	void saveTarget_shouldClearCredentialsWhenAuthIsSwitchedOff() {
		Target read = created("x");
		read.getAuth().setType(TargetAuth.NONE);

		service.saveTarget(read);

		Target clear = registry.getTarget(read.getId());
		assertThat(clear.getAuth().getUsername()).isNull();
		assertThat(clear.getAuth().getPassword()).isNull();
		assertThat(rawConfig(read.getUuid())).doesNotContain("\"password\"");
	}

	@Test
	void saveTarget_shouldSaveNothingWhenACreateIsInvalid() {
		Target bad = Targets.basic("bad");
		bad.setUrl("ftp://x");
		bad.getAuth().setPassword("");

		assertThatThrownBy(() -> service.saveTarget(bad)).isInstanceOfSatisfying(TargetValidationException.class,
		    e -> assertThat(e.getFieldErrors()).containsOnlyKeys("url", "auth.password"));

		assertThat(count("webhooks_target")).isZero();
	}

	@Test
	void saveTarget_shouldChangeNothingWhenAnUpdateIsInvalid() {
		Target read = created("x");
		String before = rawConfig(read.getUuid());
		read.setName("renamed");
		read.setMaxAttempts(0);
		read.getAuth().setPassword("");

		assertThatThrownBy(() -> service.saveTarget(read)).isInstanceOfSatisfying(TargetValidationException.class,
		    e -> assertThat(e.getFieldErrors()).containsOnlyKeys("maxAttempts", "auth.password"));

		assertThat(rawConfig(read.getUuid())).isEqualTo(before);
		assertThat(service.getTargetByUuid(read.getUuid()).getName()).isEqualTo("x");
	}

	@Test
	void saveTarget_shouldRefuseAStaleCopyAndKeepTheNewerChange() {
		Target first = created("x");
		Target stale = service.getTargetByUuid(first.getUuid());
		clock.advance(Duration.ofSeconds(1));
		first.setName("first edit");
		service.saveTarget(first);
		stale.setName("stale edit");

		assertThatThrownBy(() -> service.saveTarget(stale)).isInstanceOf(TargetConflictException.class);

		assertThat(service.getTargetByUuid(first.getUuid()).getName()).isEqualTo("first edit");
	}

	@Test
	void saveTarget_shouldRejectAUuidAlreadyInUse() {
		Target existing = created("x");
		Target copy = Targets.basic("y");
		copy.setUuid(existing.getUuid());

		assertThatThrownBy(() -> service.saveTarget(copy)).isInstanceOfSatisfying(TargetValidationException.class,
		    e -> assertThat(e.getFieldErrors()).containsOnlyKeys("uuid"));
	}

	@Test
	void saveTarget_shouldGenerateASigningSecretOnceAndShowItOnce() {
		Target t = Targets.basic("signed");
		t.setSigningEnabled(true);

		SavedTarget saved = service.saveTarget(t);

		String secret = saved.getNewSigningSecret();
		assertThat(secret).startsWith("whsec_");
		assertThat(saved.getTarget().getSigningSecrets()).singleElement()
		        .satisfies(s -> assertThat(s.getSecret()).isNull());
		assertThat(registry.getTarget(saved.getTarget().getId()).getSigningSecrets()).extracting(
		    SigningSecret::getSecret).containsExactly(secret);
		assertThat(rawConfig(saved.getTarget().getUuid())).doesNotContain(secret.substring(6));

		Target read = service.getTargetByUuid(saved.getTarget().getUuid());
		assertThat(read.getSigningSecrets()).allSatisfy(s -> assertThat(s.getSecret()).isNull());
		SavedTarget again = service.saveTarget(read);
		assertThat(again.getNewSigningSecret()).isNull();
		assertThat(registry.getTarget(read.getId()).getSigningSecrets()).extracting(SigningSecret::getSecret)
		        .containsExactly(secret);
	}

	@Test
	void rotateSigningSecret_shouldKeepTheOldSecretUntilTheOverlapEnds() {
		Target t = Targets.basic("signed");
		t.setSigningEnabled(true);
		SavedTarget saved = service.saveTarget(t);
		String oldSecret = saved.getNewSigningSecret();
		String uuid = saved.getTarget().getUuid();
		clock.advance(Duration.ofHours(1));

		SavedTarget rotated = service.rotateSigningSecret(uuid, 24);

		String newSecret = rotated.getNewSigningSecret();
		assertThat(newSecret).isNotEqualTo(oldSecret).startsWith("whsec_");
		assertThat(rotated.getTarget().getSigningSecrets()).hasSize(2)
		        .allSatisfy(s -> assertThat(s.getSecret()).isNull());
		service.sendTestEvent(uuid);
		assertThat(last().getSigningSecrets()).extracting(SigningSecret::getSecret).containsExactly(newSecret,
		    oldSecret);

		clock.advance(Duration.ofHours(24).minusMillis(1));
		service.sendTestEvent(uuid);
		assertThat(last().getSigningSecrets()).hasSize(2);

		clock.advance(Duration.ofMillis(1));
		service.sendTestEvent(uuid);
		assertThat(last().getSigningSecrets()).extracting(SigningSecret::getSecret).containsExactly(newSecret);
	}

	@Test
	void rotateSigningSecret_shouldRejectAnOverlapOutOfRange() {
		Target t = created("x");

		assertThatThrownBy(() -> service.rotateSigningSecret(t.getUuid(), -1)).isInstanceOfSatisfying(
		    TargetValidationException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys("overlapHours"));
		assertThatThrownBy(() -> service.rotateSigningSecret("unknown", 1)).isInstanceOf(
		    TargetNotFoundException.class);
	}

	@Test
	void retireTarget_shouldHideItFromTheDefaultListAndUnretireShouldBringItBack() {
		Target t = created("x");

		Target retired = service.retireTarget(t.getUuid(), "replaced by y");

		assertThat(retired.isRetired()).isTrue();
		assertThat(retired.getRetireReason()).isEqualTo("replaced by y");
		assertThat(service.getAllTargets(false)).isEmpty();
		assertThat(service.getAllTargets(true)).hasSize(1);
		assertThat(registry.deliverableTargets()).isEmpty();

		assertThat(service.unretireTarget(t.getUuid()).isRetired()).isFalse();
		assertThat(registry.deliverableTargets()).hasSize(1);
	}

	@Test
	void retireTarget_shouldRequireAReason() {
		Target t = created("x");

		assertThatThrownBy(() -> service.retireTarget(t.getUuid(), " ")).isInstanceOfSatisfying(
		    TargetValidationException.class, e -> assertThat(e.getFieldErrors()).containsOnlyKeys("retireReason"));
	}

	@Test
	void purgeTarget_shouldRemoveItsDeliveriesAndAttempts() {
		Target doomed = created("doomed");
		Target kept = created("kept");
		insertDeliveryWithAttempts(doomed.getId(), 2);
		insertDeliveryWithAttempts(kept.getId(), 1);

		service.purgeTarget(doomed.getUuid());

		assertThat(service.getTargetByUuid(doomed.getUuid())).isNull();
		assertThat(count("webhooks_delivery")).isEqualTo(1);
		assertThat(count("webhooks_attempt")).isEqualTo(1);
		assertThat(count("webhooks_event")).isEqualTo(2);
		assertThat(registry.getTarget(doomed.getId())).isNull();
		assertThatThrownBy(() -> service.purgeTarget(doomed.getUuid())).isInstanceOf(TargetNotFoundException.class);
	}

	@Test
	void setTargetEnabled_shouldClearADisabledStateWhenEnabling() {
		Target t = created("x");
		update("UPDATE webhooks_target SET state = 'DISABLED', consecutive_failures = 40 WHERE uuid = ?",
		    t.getUuid());

		Target off = service.setTargetEnabled(t.getUuid(), false);
		assertThat(off.isEnabled()).isFalse();
		assertThat(off.getHealth().getState()).isEqualTo(TargetState.DISABLED);

		Target on = service.setTargetEnabled(t.getUuid(), true);
		assertThat(on.isEnabled()).isTrue();
		assertThat(on.getHealth().getState()).isEqualTo(TargetState.ACTIVE);
		assertThat(on.getHealth().getConsecutiveFailures()).isZero();
		assertThat(registry.deliverableTargets()).extracting(Target::getUuid).containsExactly(t.getUuid());
	}

	@Test
	void saveTarget_shouldClearAPausedStateWhenItEnablesTheTarget() {
		Target t = created("x");
		service.setTargetEnabled(t.getUuid(), false);
		update("UPDATE webhooks_target SET state = 'PAUSED' WHERE uuid = ?", t.getUuid());
		Target read = service.getTargetByUuid(t.getUuid());
		read.setEnabled(true);

		assertThat(service.saveTarget(read).getTarget().getHealth().getState()).isEqualTo(TargetState.ACTIVE);
	}

	@Test
	void sendTestEvent_shouldHandTheSenderTheTargetWithSecretsInClear() {
		Target t = created("x");

		TestResult result = service.sendTestEvent(t.getUuid());

		assertThat(result.getStatusCode()).isEqualTo(200);
		assertThat(last().getAuth().getPassword()).isEqualTo(Targets.PASSWORD);
		assertThat(last().getHeaders()).containsEntry("X-Custom", Targets.HEADER_VALUE);
		assertThatThrownBy(() -> service.sendTestEvent("unknown")).isInstanceOf(TargetNotFoundException.class);
	}

	@Test
	void registry_shouldSeeAServiceChangeAtOnceOnThisNodeAndAfterItsRefreshOnAnother() {
		CachedTargetRegistry otherNode = new CachedTargetRegistry(new TargetStore(db, new TestSecretCipher()), clock,
		        REFRESH_MILLIS);
		Target t = created("x");
		assertThat(registry.deliverableTargets()).hasSize(1);
		assertThat(otherNode.deliverableTargets()).hasSize(1);

		service.setTargetEnabled(t.getUuid(), false);

		assertThat(registry.deliverableTargets()).isEmpty();
		assertThat(otherNode.deliverableTargets()).hasSize(1);
		clock.advance(Duration.ofMillis(REFRESH_MILLIS));
		assertThat(otherNode.deliverableTargets()).isEmpty();
	}

	private Target last() {
		return sentTestEvents.get(sentTestEvents.size() - 1);
	}
}
