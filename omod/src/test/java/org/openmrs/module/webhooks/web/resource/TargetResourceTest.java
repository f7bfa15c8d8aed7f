package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.api.ValidationException;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;
import org.openmrs.module.webhooks.web.testing.TestServices;
import org.openmrs.module.webservices.rest.web.response.ConversionException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The resource's own methods, called the way the REST module's DelegatingCrudResource calls them: create is
 * newDelegate → setProperty per posted property → save → representation of what save returned; update is
 * getByUniqueId → setProperty → save.
 */
class TargetResourceTest {

	private final TestServices backend = new TestServices();

	private TestPrivileges caller = TestPrivileges.manager();

	private TargetResource resource() {
		return new TargetResource(backend.services(), caller.guard());
	}

	@Test
	void create_shouldSaveAndShowTheGeneratedSigningSecretInThisResponseOnly() throws Exception {
		WebhookTarget created = create(validBody());

		Map<String, Object> response = TargetJson.represent(created, "default");
		@SuppressWarnings("unchecked")
		Map<String, Object> signing = (Map<String, Object>) response.get("signing");
		assertThat((String) signing.get("newSecret")).startsWith("whsec_");
		assertThat(signing).containsEntry("secretCount", 1);
		String stored = backend.targets.storedInClear(created.getUuid()).getSigningSecrets().get(0).getSecret();
		assertThat(signing.get("newSecret")).isEqualTo(stored);

		String readAgain = json(TargetJson.represent(resource().getByUniqueId(created.getUuid()), "full"));
		assertThat(readAgain).doesNotContain(stored).doesNotContain("newSecret").doesNotContain("whsec_")
		        .doesNotContain("apikey-value-123456");
	}

	@Test
	void create_shouldStoreSecretsInClearAndAnswerThemMasked() throws Exception {
		WebhookTarget created = create(validBody());

		assertThat(backend.targets.storedInClear(created.getUuid()).getAuth().getValue()).isEqualTo("apikey-value-123456");
		assertThat(json(TargetJson.represent(created, "default"))).contains("\"value\":\"****3456\"")
		        .doesNotContain("apikey-value-123456");
	}

	@Test
	void create_shouldRefuseValuesOfTheWrongShapeNamingEveryFieldAndSaveNothing() {
		Map<String, Object> body = validBody();
		body.put("batchSize", "ten");
		body.put("auth", map("type", "apiKey", "headerName", 7));

		Throwable refused = catchThrowable(() -> create(body));

		assertThat(RestStatus.of(refused, true)).isEqualTo(400);
		assertThat(FieldErrors.of(refused)).containsOnlyKeys("batchSize", "auth.headerName");
		assertThat(refused).hasMessageContaining("batchSize").hasMessageContaining("auth.headerName");
		assertThat(backend.targets.size()).isZero();
		assertThat(backend.targets.calls).isEmpty();
	}

	@Test
	void create_shouldTurnTheServicesFieldErrorsIntoA400() {
		Map<String, Object> body = validBody();
		body.put("url", "http://insecure.example/hook");
		body.put("eventTypes", Arrays.asList("patient.*", "patient.exploded"));

		Throwable refused = catchThrowable(() -> create(body));

		assertThat(refused).isInstanceOf(ValidationException.class);
		assertThat(FieldErrors.of(refused)).containsEntry("url", "must be an https:// URL")
		        .containsEntry("eventTypes[1]", "is not a known event type or pattern");
		assertThat(backend.targets.size()).isZero();
	}

	@Test
	void validationErrors_shouldNeverCarryTheRejectedValues() {
		Map<String, Object> body = validBody();
		body.put("headers", map("X-Token", Arrays.asList("secret-in-a-list")));

		Throwable refused = catchThrowable(() -> create(body));

		assertThat(((ValidationException) refused).getErrors().getFieldErrors())
		        .allSatisfy(e -> assertThat(e.getRejectedValue()).isNull());
		assertThat(refused.getMessage()).doesNotContain("secret-in-a-list");
	}

	@Test
	void update_shouldChangeWhatWasPostedAndKeepMaskedSecrets() {
		WebhookTarget created = create(validBody());
		WebhookTarget existing = resource().getByUniqueId(created.getUuid());
		Map<String, Object> posted = TargetJson.represent(existing, "default");

		TargetResource r = resource();
		r.setProperty(existing, "name", "Renamed");
		r.setProperty(existing, "auth", posted.get("auth"));
		r.setProperty(existing, "signing", posted.get("signing"));
		WebhookTarget updated = r.save(existing);

		Target stored = backend.targets.storedInClear(created.getUuid());
		assertThat(stored.getName()).isEqualTo("Renamed");
		assertThat(stored.getAuth().getValue()).isEqualTo("apikey-value-123456");
		assertThat(stored.getSigningSecrets()).hasSize(1);
		assertThat(TargetJson.get(updated, "signing")).asInstanceOf(
		    org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("newSecret");
	}

	@Test
	void update_shouldUnretireWhenRetiredFalseIsPosted() {
		WebhookTarget created = create(validBody());
		resource().delete(created, "moved", null);
		WebhookTarget existing = resource().getByUniqueId(created.getUuid());

		resource().setProperty(existing, "retired", false);
		WebhookTarget updated = resource().save(existing);

		assertThat(updated.getTarget().isRetired()).isFalse();
		assertThat(backend.targets.calls).contains("unretireTarget " + created.getUuid());
	}

	@Test
	void delete_shouldRetireWithTheReasonAndPurgeShouldRemove() {
		WebhookTarget created = create(validBody());

		resource().delete(created, "replaced by v2", null);
		assertThat(backend.targets.storedInClear(created.getUuid()).getRetireReason()).isEqualTo("replaced by v2");
		assertThat(resource().all(false)).isEmpty();
		assertThat(resource().all(true)).extracting(WebhookTarget::getUuid).containsExactly(created.getUuid());

		resource().undelete(created, null);
		assertThat(resource().all(false)).hasSize(1);

		resource().purge(created, null);
		assertThat(backend.targets.size()).isZero();
	}

	@Test
	void getByUniqueId_shouldAnswerNullForAnUnknownUuidSoTheRestModuleAnswers404() {
		assertThat(resource().getByUniqueId("no-such-uuid")).isNull();
	}

	@Test
	void reads_shouldRefuseAnonymousCallersWith401() {
		caller = TestPrivileges.anonymous();

		Throwable refused = catchThrowable(() -> resource().getByUniqueId("any"));

		assertThat(RestStatus.of(refused, caller.isAuthenticated())).isEqualTo(401);
		assertThat(refused).hasMessage("Privileges required: Get Webhooks");
	}

	@Test
	void writes_shouldRefuseViewersWith403AndSaveNothing() {
		caller = TestPrivileges.viewer();
		TargetResource r = resource();
		WebhookTarget draft = r.newDelegate();
		validBody().forEach((k, v) -> r.setProperty(draft, k, v));

		Throwable refused = catchThrowable(() -> r.save(draft));

		assertThat(RestStatus.of(refused, caller.isAuthenticated())).isEqualTo(403);
		assertThat(backend.targets.size()).isZero();
		assertThat(catchThrowable(() -> r.delete(draft, "x", null))).hasMessage("Privileges required: Manage Webhooks");
		assertThat(catchThrowable(() -> r.purge(draft, null))).hasMessage("Privileges required: Manage Webhooks");
		assertThat(r.all(true)).isEmpty();
	}

	@Test
	void getProperty_shouldAnswerAnUnknownPropertyWithA400NamingIt() {
		assertThatThrownBy(() -> resource().getProperty(resource().newDelegate(), "token"))
		        .isInstanceOf(ConversionException.class).hasMessageContaining("token");
	}

	@Test
	void constructor_shouldIgnoreReadOnlyPropertiesPostedBackOnUpdate() {
		java.util.Set<String> ignored = new TargetResource(backend.services(), caller.guard()) {

			java.util.Set<String> ignored() {
				return propertiesIgnoredWhenUpdating;
			}
		}.ignored();

		assertThat(ignored).contains("health", "dateCreated", "dateChanged",
		    "retireReason");
	}

	@Test
	void isRetirable_shouldBeTrueSoUpdatesMayCarryRetired() {
		assertThat(resource().isRetirable()).isTrue();
	}

	private WebhookTarget create(Map<String, Object> body) {
		TargetResource r = resource();
		WebhookTarget draft = r.newDelegate();
		body.forEach((property, value) -> r.setProperty(draft, property, value));
		return r.save(draft);
	}

	static Map<String, Object> validBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "OpenFn LIME");
		body.put("url", "https://app.openfn.org/i/abc");
		body.put("eventTypes", Arrays.asList("patient.*", "encounter.created"));
		body.put("filters", map("encounterTypes", Arrays.asList("et-1")));
		body.put("batchSize", 1);
		body.put("maxConcurrency", 4);
		body.put("auth", map("type", "apiKey", "headerName", "x-api-key", "value", "apikey-value-123456"));
		body.put("signing", map("enabled", true));
		return body;
	}

	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static String json(Object value) {
		try {
			return new ObjectMapper().writeValueAsString(value);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
