package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.target.TargetMasking;
import org.openmrs.module.webhooks.web.testing.Targets;

class TargetWriterTest {

	private final WebhookTarget target = new WebhookTarget(new Target());

	@Test
	void set_shouldTakeNumbersAsJsonParsersDeliverThem() {
		TargetWriter.set(target, "batchSize", 5);
		TargetWriter.set(target, "maxConcurrency", 6L);
		TargetWriter.set(target, "timeoutSeconds", 7.0);
		TargetWriter.set(target, "maxAttempts", " 9 ");

		Target t = target.getTarget();
		assertThat(new int[] { t.getBatchSize(), t.getMaxConcurrency(), t.getTimeoutSeconds(), t.getMaxAttempts() })
		        .containsExactly(5, 6, 7, 9);
		assertThat(target.getInputErrors()).isEmpty();
	}

	@Test
	void set_shouldRecordValuesOfTheWrongShapeUnderTheirField() {
		TargetWriter.set(target, "batchSize", 2.5);
		TargetWriter.set(target, "timeoutSeconds", "soon");
		TargetWriter.set(target, "maxAttempts", 3_000_000_000L);
		TargetWriter.set(target, "enabled", "yes");
		TargetWriter.set(target, "eventTypes", "patient.*");
		TargetWriter.set(target, "url", 42);

		assertThat(target.getInputErrors()).containsExactly(entry("batchSize", "must be a whole number"),
		    entry("timeoutSeconds", "must be a whole number"), entry("maxAttempts", "must be a whole number"),
		    entry("enabled", "must be true or false"), entry("eventTypes", "must be a list of strings"),
		    entry("url", "must be a string"));
	}

	@Test
	void set_shouldTrimNameUrlAndHeaderNames() {
		TargetWriter.set(target, "name", "  OpenFn ");
		TargetWriter.set(target, "url", " https://x.example/hook ");

		assertThat(target.getTarget().getName()).isEqualTo("OpenFn");
		assertThat(target.getTarget().getUrl()).isEqualTo("https://x.example/hook");
	}

	@Test
	void set_shouldAcceptBooleansAsJsonOrText() {
		TargetWriter.set(target, "enabled", false);
		assertThat(target.getTarget().isEnabled()).isFalse();
		TargetWriter.set(target, "enabled", "true");
		assertThat(target.getTarget().isEnabled()).isTrue();
	}

	@Test
	void set_shouldMergeFiltersKeyByKeyAndTakeUuidReferences() {
		Target t = Targets.full();
		WebhookTarget existing = new WebhookTarget(t);
		Map<String, Object> ref = Collections.singletonMap("uuid", "vt-2");

		TargetWriter.set(existing, "filters", map("visitTypes", Arrays.asList("vt-1", ref), "forms", null));

		assertThat(t.getFilters().getVisitTypes()).containsExactly("vt-1", "vt-2");
		assertThat(t.getFilters().getEncounterTypes()).containsExactly("et-1");
		assertThat(t.getFilters().getForms()).isEmpty();
		assertThat(existing.getInputErrors()).isEmpty();
	}

	@Test
	void set_shouldNameTheNestedFieldOfAnUnknownOrInvalidKey() {
		TargetWriter.set(target, "filters", map("programs", Arrays.asList("p"), "concepts", "c-1"));
		TargetWriter.set(target, "auth", map("type", "bearer", "secret", "x", "token", 7));
		TargetWriter.set(target, "signing", map("enabled", "maybe", "algorithm", "v1"));
		TargetWriter.set(target, "headers", map("X-A", Arrays.asList("x")));

		assertThat(target.getInputErrors()).containsOnlyKeys("filters.programs", "filters.concepts", "auth.secret",
		    "auth.token", "signing.enabled", "signing.algorithm", "headers.X-A");
		assertThat(target.getInputErrors().get("filters.concepts")).isEqualTo("must be a list of uuids");
	}

	@Test
	void set_shouldMergeAuthSoThatAMaskedSecretCanBePostedBack() {
		Target t = TargetMasking.masked(Targets.full());
		WebhookTarget existing = new WebhookTarget(t);

		TargetWriter.set(existing, "auth", map("headerName", " x-openfn-key ", "value", "****9876"));

		assertThat(t.getAuth().getType()).isEqualTo("apiKey");
		assertThat(t.getAuth().getHeaderName()).isEqualTo("x-openfn-key");
		assertThat(t.getAuth().getValue()).isEqualTo("****9876");
	}

	@Test
	void set_shouldReplaceHeadersAsAWhole() {
		Target t = Targets.full();
		WebhookTarget existing = new WebhookTarget(t);

		TargetWriter.set(existing, "headers", map("X-Other", "value-1"));

		assertThat(t.getHeaders()).containsOnlyKeys("X-Other");
	}

	@Test
	void set_shouldIgnoreTheReadOnlyPartsOfSigningPostedBack() {
		TargetWriter.set(target, "signing",
		    map("enabled", true, "secretCount", 2, "secrets", Collections.emptyList(), "newSecret", "whsec_x"));

		assertThat(target.getTarget().isSigningEnabled()).isTrue();
		assertThat(target.getTarget().getSigningSecrets()).isEmpty();
		assertThat(target.getInputErrors()).isEmpty();
	}

	@Test
	void set_shouldIgnoreReadOnlyPropertiesAndRefuseUnknownOnes() {
		TargetWriter.set(target, "health", map("state", "active"));
		TargetWriter.set(target, "password", "x");

		assertThat(target.getTarget().getHealth().getState().name()).isEqualTo("ACTIVE");
		assertThat(target.getInputErrors()).containsOnlyKeys("password");
	}

	@Test
	void set_shouldRecordARetireRequestForTheSave() {
		TargetWriter.set(target, "retired", false);

		assertThat(target.getRetiredRequested()).isFalse();
		assertThat(target.getTarget().isRetired()).isFalse();
	}

	@Test
	void set_shouldKeepTheFirstMessageOfAField() {
		target.rejectInput("url", "first");
		target.rejectInput("url", "second");

		assertThat(target.getInputErrors()).containsEntry("url", "first");
	}

	private static Map.Entry<String, String> entry(String key, String value) {
		return new java.util.AbstractMap.SimpleEntry<>(key, value);
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
