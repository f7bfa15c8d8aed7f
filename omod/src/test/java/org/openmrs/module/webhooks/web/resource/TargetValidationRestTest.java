package org.openmrs.module.webhooks.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.openmrs.module.webhooks.web.resource.TargetResourceTest.map;
import static org.openmrs.module.webhooks.web.resource.TargetResourceTest.validBody;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.api.ValidationException;
import org.openmrs.module.webhooks.web.TargetChangedException;
import org.openmrs.module.webhooks.web.testing.Backend;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webhooks.web.testing.TestPrivileges;
import org.springframework.validation.FieldError;

/**
 * PRODUCT §7 "bad input" through {@code webhooktarget}, on the real TargetServiceImpl and TargetValidator over H2:
 * every invalid input is a 400 whose {@code fieldErrors} name the REST field, nothing is half-saved (creates and
 * updates alike), and no secret of the input appears in any message. One case per rule family of the validator and
 * of the body reader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetValidationRestTest {

	/** Secrets in the inputs below; none may come back in an error. */
	private static final List<String> SECRETS = Arrays.asList(TargetResourceTest.API_KEY, "pw-in-url-secret",
	    "basic-password-secret-1", "bearer-token-secret-2", "header-value-secret-3", "trigger-secret-4");

	private final Backend backend = new Backend();

	@BeforeEach
	void reset() {
		backend.reset();
	}

	@AfterAll
	void close() {
		backend.close();
	}

	private TargetCalls rest() {
		return new TargetCalls(new TargetResource(backend.services(), TestPrivileges.manager().guard()));
	}

	static Stream<Arguments> invalidInputs() {
		return Stream.of(
		    // what the service's TargetValidator refuses
		    invalid("name", b -> b.put("name", "  ")),
		    invalid("description", b -> b.put("description", String.join("", Collections.nCopies(1025, "d")))),
		    invalid("url", b -> b.put("url", "ftp://files.example.org/trigger-secret-4")),
		    invalid("url", b -> b.put("url", "https://user:pw-in-url-secret@receiver.example.org/hook")),
		    invalid("url", b -> b.put("url", "not a url/trigger-secret-4")),
		    invalid("url", b -> b.put("url", "http://receiver.example.org/trigger-secret-4"), false),
		    invalid("eventTypes", b -> b.put("eventTypes", Collections.emptyList())),
		    invalid("eventTypes[1]", b -> b.put("eventTypes", Arrays.asList("patient.*", "patient.exploded"))),
		    invalid("filters.concepts[0]", b -> b.put("filters", map("concepts", Arrays.asList("not a uuid!")))),
		    invalid("representation", b -> b.put("representation", "everything")),
		    invalid("ordering", b -> b.put("ordering", "random")),
		    invalid("batchSize", b -> b.put("batchSize", 0)),
		    invalid("maxConcurrency", b -> b.put("maxConcurrency", 65)),
		    invalid("timeoutSeconds", b -> b.put("timeoutSeconds", 121)),
		    invalid("maxAttempts", b -> b.put("maxAttempts", 0)),
		    invalid("auth.type", b -> b.put("auth", map("type", "digest"))),
		    invalid("auth.headerName", b -> b.put("auth", map("type", "apiKey", "headerName", null))),
		    invalid("auth.headerName", b -> b.put("auth", map("type", "apiKey", "headerName", "Content-Type"))),
		    invalid("auth.value", b -> b.put("auth", map("type", "apiKey", "headerName", "x-api-key", "value",
		        "header-value-secret-3\r\nX-Evil: 1"))),
		    invalid("auth.password", b -> b.put("auth", map("type", "basic", "username", "openfn", "password", null))),
		    invalid("auth.username", b -> b.put("auth", map("type", "basic", "username", "a:b", "password",
		        "basic-password-secret-1"))),
		    invalid("auth.token", b -> b.put("auth", map("type", "bearer", "token", "bearer-token-secret-2\n"))),
		    invalid("headers.X-Foo", b -> b.put("headers", map("X-Foo", "header-value-secret-3\nInjected: yes"))),
		    invalid("headers.Host", b -> b.put("headers", map("Host", "header-value-secret-3"))),
		    invalid("headers.Bad Name", b -> b.put("headers", map("Bad Name", "header-value-secret-3"))),
		    invalid("headers.x-api-key", b -> b.put("headers", map("x-api-key", "header-value-secret-3"))),
		    // what the resource's body reader refuses before the service sees anything (wrong JSON shapes)
		    invalid("batchSize", b -> b.put("batchSize", "ten")),
		    invalid("enabled", b -> b.put("enabled", "maybe")),
		    invalid("eventTypes", b -> b.put("eventTypes", "patient.*")),
		    invalid("filters.concepts", b -> b.put("filters", map("concepts", "c-1"))),
		    invalid("filters.colours", b -> b.put("filters", map("colours", Arrays.asList("red")))),
		    invalid("auth.headerName", b -> b.put("auth", map("type", "apiKey", "headerName", 7))),
		    invalid("auth.secret", b -> b.put("auth", map("type", "bearer", "secret", "bearer-token-secret-2"))),
		    invalid("headers.X-Token", b -> b.put("headers", map("X-Token", Arrays.asList("header-value-secret-3")))),
		    invalid("signing.enabled", b -> b.put("signing", map("enabled", "yes"))),
		    invalid("signing", b -> b.put("signing", null)));
	}

	private static Arguments invalid(String field, Consumer<Map<String, Object>> change) {
		return invalid(field, change, true);
	}

	private static Arguments invalid(String field, Consumer<Map<String, Object>> change, boolean allowHttp) {
		return Arguments.of(field, change, allowHttp);
	}

	@ParameterizedTest(name = "create: {0}")
	@MethodSource("invalidInputs")
	void create_shouldAnswer400NamingTheFieldAndSaveNothing(String field, Consumer<Map<String, Object>> change,
	        boolean allowHttp) {
		backend.allowHttp.set(allowHttp);
		Map<String, Object> body = validBody();
		change.accept(body);
		Map<String, Long> before = backend.rowCounts();

		Throwable refused = catchThrowable(() -> rest().create(body));

		assertBadRequestNaming(refused, field);
		assertThat(backend.rowCounts()).isEqualTo(before);
	}

	@ParameterizedTest(name = "update: {0}")
	@MethodSource("invalidInputs")
	void update_shouldAnswer400NamingTheFieldAndChangeNothing(String field, Consumer<Map<String, Object>> change,
	        boolean allowHttp) {
		Map<String, Object> original = validBody();
		original.put("headers", map("X-Keep", "kept-header-value-0000"));
		String uuid = (String) rest().create(original).get("uuid");
		Map<String, Object> before = rest().get(uuid, "full");
		Map<String, Long> rowsBefore = backend.rowCounts();
		backend.allowHttp.set(allowHttp);
		Map<String, Object> body = validBody();
		body.put("name", "Changed as well");
		change.accept(body);

		Throwable refused = catchThrowable(() -> rest().update(uuid, body));

		assertBadRequestNaming(refused, field);
		assertThat(rest().get(uuid, "full")).isEqualTo(before);
		assertThat(backend.rowCounts()).isEqualTo(rowsBefore);
		assertThat(backend.inClear(uuid).getHeaders()).containsEntry("X-Keep", "kept-header-value-0000");
	}

	@Test
	void everyInvalidField_shouldBeReportedAtOnce() {
		Map<String, Object> body = validBody();
		body.put("url", "ftp://x.example.org/");
		body.put("eventTypes", Arrays.asList("patient.*", "patient.exploded", "visit.*", "obs.nope"));
		body.put("batchSize", 0);
		body.put("auth", map("type", "apiKey", "headerName", "Content-Type", "value", TargetResourceTest.API_KEY));

		Throwable refused = catchThrowable(() -> rest().create(body));

		assertThat(FieldErrors.of(refused)).containsOnlyKeys("url", "eventTypes[1]", "eventTypes[3]", "batchSize",
		    "auth.headerName");
		assertThat(refused.getMessage()).contains("url: ").contains("eventTypes[3]: ");
	}

	@Test
	void aStaleDateChanged_shouldAnswer409AndSaveNothing() {
		String uuid = (String) rest().create(validBody()).get("uuid");
		String readAt = (String) rest().get(uuid, "full").get("dateChanged");
		sleepPastTheMillisecond();
		rest().update(uuid, map("description", "someone else's change"));
		Map<String, Object> afterTheOtherChange = rest().get(uuid, "full");

		Throwable refused = catchThrowable(() -> rest().update(uuid, map("name", "Mine", "dateChanged", readAt)));

		assertThat(refused).isInstanceOf(TargetChangedException.class).hasMessageContaining("reload it and save again");
		assertThat(RestStatus.of(refused, true)).isEqualTo(409);
		assertThat(rest().get(uuid, "full")).isEqualTo(afterTheOtherChange);

		// sent back as read, it saves
		String current = (String) afterTheOtherChange.get("dateChanged");
		assertThat(rest().update(uuid, map("name", "Mine", "dateChanged", current))).containsEntry("name", "Mine");
		// unreadable: a 400 naming it
		assertBadRequestNaming(catchThrowable(() -> rest().update(uuid, map("dateChanged", "yesterday"))), "dateChanged");
	}

	@Test
	void dateChangedInACreate_shouldBeIgnored() {
		Map<String, Object> body = validBody();
		body.put("dateChanged", "2020-01-01T00:00:00.000+0000");

		String uuid = (String) rest().create(body).get("uuid");

		assertThat((String) rest().get(uuid, "full").get("dateChanged")).isNotNull().doesNotStartWith("2020-");
		body.put("dateChanged", "yesterday");
		assertThat(rest().create(body)).containsKey("uuid");
	}

	@Test
	void retireWithoutAUsableReason_shouldAnswer400NamingTheParameter() {
		String uuid = (String) rest().create(validBody()).get("uuid");

		assertBadRequestNaming(catchThrowable(() -> rest().delete(uuid, " ")), "reason");
		assertBadRequestNaming(catchThrowable(() -> rest().delete(uuid, String.join("", Collections.nCopies(256, "r")))),
		    "reason");
		assertThat(backend.inClear(uuid).isRetired()).isFalse();
	}

	private static void assertBadRequestNaming(Throwable refused, String field) {
		assertThat(refused).as("refused").isInstanceOf(ValidationException.class);
		assertThat(RestStatus.of(refused, true)).isEqualTo(400);
		assertThat(FieldErrors.of(refused)).as("fieldErrors").containsKey(field);
		List<String> texts = new ArrayList<>();
		texts.add(refused.getMessage());
		for (FieldError e : FieldErrors.errorsOf(refused).getFieldErrors()) {
			texts.add(e.getField());
			texts.add(e.getDefaultMessage());
			texts.add(String.join(" ", e.getCodes()));
			assertThat(e.getRejectedValue()).as("rejected value of %s", e.getField()).isNull();
		}
		for (String text : texts) {
			for (String secret : SECRETS) {
				assertThat(text).as("an error message").doesNotContain(secret);
			}
		}
	}

	private static void sleepPastTheMillisecond() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
