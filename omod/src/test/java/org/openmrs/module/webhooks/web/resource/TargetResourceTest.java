package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.web.testing.Backend;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;
import org.openmrs.module.webservices.rest.web.response.ConversionException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code webhooktarget} on the real TargetServiceImpl over H2, called the way the REST module calls the resource
 * ({@link TargetCalls}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetResourceTest {

	static final String API_KEY = "apikey-value-123456";

	private final Backend backend = new Backend();

	private TestPrivileges caller;

	@BeforeEach
	void reset() {
		backend.reset();
		caller = TestPrivileges.manager();
	}

	@AfterAll
	void close() {
		backend.close();
	}

	private TargetResource resource() {
		return new TargetResource(backend.services(), caller.guard());
	}

	private TargetCalls rest() {
		return new TargetCalls(resource());
	}

	@Test
	void create_shouldAnswer201WithTheTargetMaskedAndTheGeneratedSigningSecretThisOnce() throws Exception {
		Map<String, Object> created = rest().create(validBody());

		String uuid = (String) created.get("uuid");
		assertThat(created).containsEntry("name", "OpenFn LIME").containsEntry("url", "https://app.openfn.org/i/abc")
		        .containsEntry("eventTypes", Arrays.asList("patient.*", "encounter.created"))
		        .containsEntry("batchSize", 1).containsEntry("maxConcurrency", 4).containsEntry("retired", false);
		assertThat(created.get("auth")).isEqualTo(map("type", "apiKey", "headerName", "x-api-key", "value", "****3456"));
		Map<String, Object> signing = asMap(created.get("signing"));
		String newSecret = (String) signing.get("newSecret");
		assertThat(newSecret).startsWith("whsec_");
		assertThat(signing).containsEntry("enabled", true).containsEntry("secretCount", 1);
		assertThat(asMap(created.get("health"))).containsEntry("state", "active").containsEntry("consecutiveFailures", 0);
		// stored: the secrets in clear (encrypted at rest by the store), the signing secret the one shown
		Target stored = backend.inClear(uuid);
		assertThat(stored.getAuth().getValue()).isEqualTo(API_KEY);
		assertThat(stored.getSigningSecrets()).singleElement().satisfies(s -> assertThat(s.getSecret()).isEqualTo(newSecret));
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_target")).isEqualTo(1);

		String readBack = json(rest().get(uuid, "full"));
		assertThat(readBack).contains("\"value\":\"****3456\"").contains("\"secretCount\":1").doesNotContain(newSecret)
		        .doesNotContain("newSecret").doesNotContain(API_KEY);
		assertThat(json(TargetJson.represent(resource().all(false).get(0), "full"))).doesNotContain(newSecret).doesNotContain(API_KEY);
	}

	@Test
	void get_shouldReadBackEveryPropertyInEachRepresentation() {
		String uuid = (String) rest().create(validBody()).get("uuid");

		assertThat(rest().get(uuid, "ref")).containsOnlyKeys("uuid", "display", "retired")
		        .containsEntry("display", "OpenFn LIME");
		Map<String, Object> def = rest().get(uuid, "default");
		assertThat(def).containsOnlyKeys(TargetJson.DEFAULT);
		assertThat(asMap(def.get("filters"))).containsEntry("encounterTypes", Arrays.asList("et-1"));
		Map<String, Object> full = rest().get(uuid, "full");
		assertThat(full).containsOnlyKeys(TargetJson.FULL);
		assertThat((String) full.get("dateCreated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
		assertThat(full.get("dateChanged")).isNotNull();
	}

	@Test
	void update_shouldChangeWhatWasPostedAndKeepSecretsPostedBackMasked() {
		Map<String, Object> created = rest().create(withHeader(validBody(), "X-Token", "header-token-value-7777"));
		String uuid = (String) created.get("uuid");
		Map<String, Object> read = rest().get(uuid, "default");

		// the whole GET posted back, edited: masked secrets, read-only parts and all
		Map<String, Object> posted = new LinkedHashMap<>(read);
		posted.remove("uuid");
		posted.remove("display");
		posted.put("name", "Renamed");
		posted.put("timeoutSeconds", 30);
		Map<String, Object> updated = rest().update(uuid, posted);

		assertThat(updated).containsEntry("name", "Renamed").containsEntry("timeoutSeconds", 30);
		assertThat(asMap(updated.get("signing"))).doesNotContainKey("newSecret").containsEntry("secretCount", 1);
		Target stored = backend.inClear(uuid);
		assertThat(stored.getAuth().getValue()).isEqualTo(API_KEY);
		assertThat(stored.getHeaders()).containsEntry("X-Token", "header-token-value-7777");
		assertThat(stored.getSigningSecrets()).hasSize(1);

		// a secret sent in clear replaces the stored one; a header left out is removed
		rest().update(uuid, map("auth", map("value", "a-new-api-key-0001"), "headers", map()));
		assertThat(backend.inClear(uuid).getAuth().getValue()).isEqualTo("a-new-api-key-0001");
		assertThat(backend.inClear(uuid).getHeaders()).isEmpty();
		assertThat(rest().get(uuid, "default").get("auth")).isEqualTo(
		    map("type", "apiKey", "headerName", "x-api-key", "value", "****0001"));
	}

	@Test
	void retireUnretireAndPurge_shouldChangeTheStoredTarget() {
		String uuid = (String) rest().create(validBody()).get("uuid");
		backend.event("encounter.created", "p-1", "e-1", backend.clock.millis(),
		    java.util.Collections.singletonMap("encounterType", "et-1"));
		// as if fanned out already (this target's receiver is not reachable from the test): replay makes the delivery
		backend.db.execute("UPDATE webhooks_event SET fanout_state = 1");
		assertThat(backend.deliveries.replay(uuid, 0)).isEqualTo(1);
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_delivery")).isEqualTo(1);

		rest().delete(uuid, "replaced by v2");
		assertThat(rest().get(uuid, "full")).containsEntry("retired", true).containsEntry("retireReason", "replaced by v2");
		assertThat(resource().all(false)).isEmpty();
		assertThat(resource().all(true)).extracting(WebhookTarget::getUuid).containsExactly(uuid);

		assertThat(rest().update(uuid, map("retired", false))).containsEntry("retired", false);
		assertThat(resource().all(false)).hasSize(1);
		rest().delete(uuid, "again");
		resource().undelete(resource().getByUniqueId(uuid), null);
		assertThat(backend.inClear(uuid).isRetired()).isFalse();

		rest().purge(uuid);
		assertThat(resource().getByUniqueId(uuid)).isNull();
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_delivery")).isZero();
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_event")).isEqualTo(1);
		// DELETE is idempotent: purging it again is a success that does nothing
		rest().purge(uuid);
	}

	@Test
	void unknownUuids_shouldAnswer404() {
		assertThat(RestStatus.of(catchThrowable(() -> rest().get("no-such-uuid", "default")), true)).isEqualTo(404);
		assertThat(RestStatus.of(catchThrowable(() -> rest().update("no-such-uuid", map("name", "x"))), true))
		        .isEqualTo(404);
		assertThat(RestStatus.of(catchThrowable(() -> rest().delete("no-such-uuid", "x")), true)).isEqualTo(404);
	}

	@Test
	void aTargetPurgedWhileBeingSaved_shouldAnswer404() {
		String uuid = (String) rest().create(validBody()).get("uuid");
		TargetResource r = resource();
		WebhookTarget read = r.getByUniqueId(uuid);
		backend.targets.purgeTarget(uuid);

		r.setProperty(read, "name", "Too late");
		Throwable refused = catchThrowable(() -> r.save(read));
		assertThat(RestStatus.of(refused, true)).isEqualTo(404);
		assertThat(RestStatus.of(catchThrowable(() -> r.delete(read, "x", null)), true)).isEqualTo(404);
	}

	@Test
	void reads_shouldRefuseAnonymousCallersWith401() {
		caller = TestPrivileges.anonymous();

		Throwable refused = catchThrowable(() -> rest().get("any", "default"));

		assertThat(RestStatus.of(refused, caller.isAuthenticated())).isEqualTo(401);
		assertThat(refused).hasMessage("Privileges required: Get Webhooks");
	}

	@Test
	void writes_shouldRefuseViewersWith403AndSaveNothing() {
		String uuid = (String) rest().create(validBody()).get("uuid");
		Map<String, Long> before = backend.rowCounts();
		caller = TestPrivileges.viewer();

		for (Runnable write : Arrays.<Runnable> asList(() -> rest().create(validBody()),
		    () -> rest().update(uuid, map("name", "x")), () -> rest().delete(uuid, "x"), () -> rest().purge(uuid))) {
			Throwable refused = catchThrowable(write::run);
			assertThat(RestStatus.of(refused, true)).isEqualTo(403);
			assertThat(refused).hasMessage("Privileges required: Manage Webhooks");
		}
		assertThat(backend.rowCounts()).isEqualTo(before);
		assertThat(resource().all(true)).hasSize(1);
	}

	@Test
	void unknownAndReadOnlyProperties_shouldBeRefusedOrIgnoredAsTheRestModuleDoes() {
		Map<String, Object> body = validBody();
		body.put("token", "x");
		Throwable unknown = catchThrowable(() -> rest().create(body));
		assertThat(unknown).isInstanceOf(ConversionException.class).hasMessageContaining("token");
		assertThat(backend.count("SELECT COUNT(*) FROM webhooks_target")).isZero();

		Map<String, Object> withReadOnly = validBody();
		withReadOnly.put("health", map("state", "disabled"));
		withReadOnly.put("dateCreated", "2020-01-01");
		String uuid = (String) rest().create(withReadOnly).get("uuid");
		assertThat(asMap(rest().get(uuid, "default").get("health"))).containsEntry("state", "active");
	}

	@Test
	void getProperty_shouldAnswerAnUnknownPropertyWithA400NamingIt() {
		assertThatThrownBy(() -> resource().getProperty(resource().newDelegate(), "token"))
		        .isInstanceOf(ConversionException.class).hasMessageContaining("token");
	}

	@Test
	void constructor_shouldIgnoreReadOnlyPropertiesPostedBack() {
		java.util.Set<String> ignored = new TargetResource(backend.services(), caller.guard()) {

			java.util.Set<String> ignored() {
				return propertiesIgnoredWhenUpdating;
			}
		}.ignored();

		assertThat(ignored).contains("health", "dateCreated", "retireReason");
		// the REST module drops the ignored properties before it sets any: the version an update is checked
		// against must reach the resource
		assertThat(ignored).doesNotContain("dateChanged");
		assertThat(resource().isRetirable()).isTrue();
	}

	static Map<String, Object> validBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "OpenFn LIME");
		body.put("url", "https://app.openfn.org/i/abc");
		body.put("eventTypes", Arrays.asList("patient.*", "encounter.created"));
		body.put("filters", map("encounterTypes", Arrays.asList("et-1")));
		body.put("batchSize", 1);
		body.put("maxConcurrency", 4);
		body.put("auth", map("type", "apiKey", "headerName", "x-api-key", "value", API_KEY));
		body.put("signing", map("enabled", true));
		return body;
	}

	static Map<String, Object> withHeader(Map<String, Object> body, String name, Object value) {
		body.put("headers", map(name, value));
		return body;
	}

	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	static String json(Object value) {
		try {
			return new ObjectMapper().writeValueAsString(value);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
