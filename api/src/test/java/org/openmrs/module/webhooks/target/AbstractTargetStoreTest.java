package org.openmrs.module.webhooks.target;

import org.openmrs.module.webhooks.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetState;

/** TargetStore and CachedTargetRegistry against a real database; run on H2, MariaDB and PostgreSQL. */
abstract class AbstractTargetStoreTest extends TargetDatabaseTestBase {

	private static final String SIGNING_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private TargetStore store;

	@BeforeEach
	void createStore() {
		store = new TargetStore(db, new TestSecretCipher());
	}

	private Target newTarget(String name) {
		Target t = Targets.basic(name);
		t.setUuid(UUID.randomUUID().toString());
		t.getHeaders().put("X-Second", "second-header-value");
		t.setSigningEnabled(true);
		t.setSigningSecrets(new ArrayList<>(Arrays.asList(new SigningSecret(SIGNING_SECRET, 10, 0))));
		t.setDateCreated(1000);
		t.setDateChanged(1000);
		return t;
	}

	private Target inserted(String name) {
		Target t = newTarget(name);
		t.setId(store.insert(t));
		return t;
	}

	@Test
	void insert_shouldReadBackEveryFieldWithSecretsInClear() {
		Target t = inserted("OpenFn");

		Target read = store.findByUuid(t.getUuid());

		assertThat(read).usingRecursiveComparison().ignoringFields("health").isEqualTo(t);
		assertThat(read.getHeaders().keySet()).containsExactly("X-Custom", "X-Second");
		assertThat(read.getHealth().getState()).isEqualTo(TargetState.ACTIVE);
		assertThat(store.findById(t.getId())).usingRecursiveComparison().isEqualTo(read);
	}

	@Test
	void insert_shouldStoreEverySecretEncrypted() {
		Target t = inserted("OpenFn");

		String config = queryString("SELECT config FROM webhooks_target WHERE uuid = ?", t.getUuid());

		assertThat(config).contains("\"username\":\"openmrs\"").contains("gcm:")
		        .doesNotContain(Targets.PASSWORD, Targets.HEADER_VALUE, "second-header-value", SIGNING_SECRET,
		            SIGNING_SECRET.substring(6));
	}

	@Test
	void find_shouldReturnNullForAnUnknownTarget() {
		assertThat(store.findByUuid("nope")).isNull();
		assertThat(store.findById(-1)).isNull();
	}

	@Test
	void list_shouldOrderByNameAndIncludeRetiredOnlyWhenAsked() {
		inserted("b");
		Target retired = inserted("a");
		inserted("c");
		store.setRetired(retired.getId(), true, "gone", 2000);

		assertThat(store.list(false)).extracting(Target::getName).containsExactly("b", "c");
		assertThat(store.list(true)).extracting(Target::getName).containsExactly("a", "b", "c");
		assertThat(store.list(true).get(0).getRetireReason()).isEqualTo("gone");
	}

	@Test
	void update_shouldWriteWhenTheVersionMatches() {
		Target t = inserted("before");
		t.setName("after");
		t.getAuth().setPassword("changed-password");
		t.setDateChanged(2000);

		store.update(t, 1000, false);

		Target read = store.findById(t.getId());
		assertThat(read.getName()).isEqualTo("after");
		assertThat(read.getAuth().getPassword()).isEqualTo("changed-password");
		assertThat(read.getDateChanged()).isEqualTo(2000);
	}

	@Test
	void update_shouldRefuseAStaleVersionAndWriteNothing() {
		Target t = inserted("before");
		t.setName("after");
		t.setDateChanged(3000);

		assertThatThrownBy(() -> store.update(t, 999, false)).isInstanceOf(TargetConflictException.class);

		assertThat(store.findById(t.getId()).getName()).isEqualTo("before");
	}

	@Test
	void update_shouldReportAPurgedTargetAsNotFound() {
		Target t = inserted("x");
		store.purge(t.getId());

		assertThatThrownBy(() -> store.update(t, 1000, false)).isInstanceOf(TargetNotFoundException.class);
	}

	@Test
	void read_shouldReflectTheHealthColumnsTheEngineWrites() {
		Target t = inserted("x");
		update("UPDATE webhooks_target SET state = 'PAUSED', consecutive_failures = 3, failing_since = 5,"
		        + " last_success_at = 4, last_failure_at = 6, last_error = 'HTTP 503', paused_until = 7"
		        + " WHERE target_id = ?", t.getId());

		Target read = store.findById(t.getId());

		assertThat(read.getHealth()).satisfies(h -> {
			assertThat(h.getState()).isEqualTo(TargetState.PAUSED);
			assertThat(h.getConsecutiveFailures()).isEqualTo(3);
			assertThat(h.getFailingSince()).isEqualTo(5);
			assertThat(h.getLastSuccessAt()).isEqualTo(4);
			assertThat(h.getLastFailureAt()).isEqualTo(6);
			assertThat(h.getLastError()).isEqualTo("HTTP 503");
			assertThat(h.getPausedUntil()).isEqualTo(7);
		});
	}

	@Test
	void setEnabled_shouldResetTheHealthOnlyWhenEnabling() {
		Target t = inserted("x");
		update("UPDATE webhooks_target SET state = 'DISABLED', consecutive_failures = 9, failing_since = 5,"
		        + " last_error = 'HTTP 410' WHERE target_id = ?", t.getId());

		store.setEnabled(t.getId(), false, 2000);
		assertThat(store.findById(t.getId()).getHealth().getState()).isEqualTo(TargetState.DISABLED);
		assertThat(store.findById(t.getId()).isEnabled()).isFalse();

		store.setEnabled(t.getId(), true, 3000);
		Target read = store.findById(t.getId());
		assertThat(read.isEnabled()).isTrue();
		assertThat(read.getHealth().getState()).isEqualTo(TargetState.ACTIVE);
		assertThat(read.getHealth().getConsecutiveFailures()).isZero();
		assertThat(read.getHealth().getFailingSince()).isZero();
		assertThat(read.getHealth().getLastError()).as("history stays").isEqualTo("HTTP 410");
		assertThat(store.setEnabled(-1, true, 1)).isFalse();
	}

	@Test
	void setRetired_shouldRetireAndUnretire() {
		Target t = inserted("x");

		assertThat(store.setRetired(t.getId(), true, "replaced", 2000)).isTrue();
		assertThat(store.findById(t.getId())).satisfies(r -> {
			assertThat(r.isRetired()).isTrue();
			assertThat(r.getRetireReason()).isEqualTo("replaced");
		});
		assertThat(store.setRetired(t.getId(), false, "ignored", 3000)).isTrue();
		assertThat(store.findById(t.getId())).satisfies(r -> {
			assertThat(r.isRetired()).isFalse();
			assertThat(r.getRetireReason()).isNull();
			assertThat(r.getDateChanged()).isEqualTo(3000);
		});
	}

	@Test
	void purge_shouldDeleteTheTargetWithItsDeliveriesAndAttemptsAndKeepEvents() {
		Target doomed = inserted("doomed");
		Target kept = inserted("kept");
		insertDeliveryWithAttempts(doomed.getId(), 3);
		insertDeliveryWithAttempts(doomed.getId(), 0);
		insertDeliveryWithAttempts(kept.getId(), 2);

		assertThat(store.purge(doomed.getId())).isTrue();

		assertThat(store.findById(doomed.getId())).isNull();
		assertThat(count("webhooks_target")).isEqualTo(1);
		assertThat(count("webhooks_delivery")).isEqualTo(1);
		assertThat(count("webhooks_attempt")).isEqualTo(2);
		assertThat(count("webhooks_event")).isEqualTo(3);
		assertThat(store.purge(doomed.getId())).isFalse();
	}

	@Test
	void registry_shouldOfferOnlyEnabledUnretiredNotDisabledTargets() {
		SettableClock clock = new SettableClock(Instant.EPOCH);
		CachedTargetRegistry registry = new CachedTargetRegistry(store, clock, 5000);
		inserted("active");
		long paused = inserted("paused").getId();
		long disabled = inserted("disabled").getId();
		long off = inserted("off").getId();
		long retired = inserted("retired").getId();
		update("UPDATE webhooks_target SET state = 'PAUSED' WHERE target_id = ?", paused);
		update("UPDATE webhooks_target SET state = 'DISABLED' WHERE target_id = ?", disabled);
		store.setEnabled(off, false, 2000);
		store.setRetired(retired, true, "r", 2000);

		assertThat(registry.deliverableTargets()).extracting(Target::getName).containsExactlyInAnyOrder("active",
		    "paused");
		assertThat(registry.getTarget(retired).getName()).isEqualTo("retired");
		assertThat(registry.getTarget(disabled).getAuth().getPassword()).as("secrets in clear")
		        .isEqualTo(Targets.PASSWORD);
		assertThat(registry.getTarget(-1)).isNull();
	}

	@Test
	void registry_shouldSeeALocalChangeAtOnceAndAnotherNodesAfterItsRefreshInterval() {
		SettableClock clock = new SettableClock(Instant.EPOCH);
		CachedTargetRegistry thisNode = new CachedTargetRegistry(store, clock, 5000);
		CachedTargetRegistry otherNode = new CachedTargetRegistry(new TargetStore(db, new TestSecretCipher()), clock,
		        5000);
		assertThat(thisNode.deliverableTargets()).isEmpty();
		assertThat(otherNode.deliverableTargets()).isEmpty();

		Target t = inserted("new");
		thisNode.invalidate();

		assertThat(thisNode.deliverableTargets()).extracting(Target::getName).containsExactly("new");
		clock.advance(Duration.ofMillis(4999));
		assertThat(otherNode.deliverableTargets()).isEmpty();
		assertThat(otherNode.getTarget(t.getId()).getName()).as("read through when not cached").isEqualTo("new");
		clock.advance(Duration.ofMillis(1));
		assertThat(otherNode.deliverableTargets()).extracting(Target::getName).containsExactly("new");
	}
}
