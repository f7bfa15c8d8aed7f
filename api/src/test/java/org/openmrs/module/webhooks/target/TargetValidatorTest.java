package org.openmrs.module.webhooks.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.model.SigningSecret;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetAuth;

class TargetValidatorTest {

	private final TargetValidator validator = new TargetValidator(() -> false);

	private Map<String, String> errorsOf(Target t) {
		return errorsOf(validator, t);
	}

	private static Map<String, String> errorsOf(TargetValidator v, Target t) {
		try {
			v.validate(t);
			return Collections.emptyMap();
		}
		catch (TargetValidationException e) {
			return e.getFieldErrors();
		}
	}

	private static Target valid() {
		return Targets.openFn("OpenFn LIME");
	}

	@Test
	void validate_shouldAcceptAValidTarget() {
		assertThatCode(() -> validator.validate(valid())).doesNotThrowAnyException();
		assertThatCode(() -> validator.validate(Targets.basic("b"))).doesNotThrowAnyException();
	}

	@Test
	void validate_shouldRequireAName() {
		Target t = valid();
		t.setName("  ");
		assertThat(errorsOf(t)).containsOnlyKeys("name");
		assertThat(errorsOf(t).get("name")).contains("required");
	}

	@Test
	void validate_shouldRejectANameOver255Characters() {
		Target t = valid();
		t.setName(repeat('n', 256));
		assertThat(errorsOf(t)).containsOnlyKeys("name");
		t.setName(repeat('n', 255));
		assertThat(errorsOf(t)).isEmpty();
	}

	@Test
	void validate_shouldRejectADescriptionOver1024Characters() {
		Target t = valid();
		t.setDescription(repeat('d', 1025));
		assertThat(errorsOf(t)).containsOnlyKeys("description");
	}

	@Test
	void validate_shouldRejectAMalformedUuid() {
		Target t = valid();
		t.setUuid("not a uuid!");
		assertThat(errorsOf(t)).containsOnlyKeys("uuid");
	}

	@Test
	void validate_shouldRequireAUrl() {
		Target t = valid();
		t.setUrl(null);
		assertThat(errorsOf(t)).containsOnlyKeys("url");
		assertThat(errorsOf(t).get("url")).contains("required");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
	        "/relative/path                      | absolute",
	        "receiver.example.org/hook           | absolute",
	        "https://exa mple.org/hook           | not a valid URL",
	        "ftp://receiver.example.org/hook     | https://",
	        "mailto:ops@example.org              | absolute",
	        "https:///hook                       | host",
	        "https://bad_host.example.org/hook   | host",
	        "https://user:pw@receiver.example.org| user name or password" })
	void validate_shouldRejectABadUrlAndSayWhy(String url, String expected) {
		Target t = valid();
		t.setUrl(url);
		assertThat(errorsOf(t)).containsOnlyKeys("url");
		assertThat(errorsOf(t).get("url")).contains(expected);
	}

	@Test
	void validate_shouldRejectAUrlOver2048Characters() {
		Target t = valid();
		t.setUrl("https://receiver.example.org/" + repeat('a', 2048));
		assertThat(errorsOf(t).get("url")).contains("2048");
	}

	@Test
	void validate_shouldRejectHttpUnlessTheInstallationAllowsIt() {
		Target t = valid();
		t.setUrl("http://receiver.example.org/hook");
		assertThat(errorsOf(t).get("url")).contains("webhooks.egress.allowHttp");
		assertThat(errorsOf(new TargetValidator(() -> true), t)).isEmpty();
	}

	@Test
	void validate_shouldRequireAtLeastOneEventType() {
		Target t = valid();
		t.setEventTypes(new ArrayList<>());
		assertThat(errorsOf(t)).containsOnlyKeys("eventTypes");
	}

	@Test
	void validate_shouldNameEachUnknownEventTypeByItsIndex() {
		Target t = valid();
		t.setEventTypes(Arrays.asList("patient.created", "*", "patient.exploded", "order.*", "visit.*"));
		Map<String, String> errors = errorsOf(t);
		assertThat(errors).containsOnlyKeys("eventTypes[2]", "eventTypes[3]");
		assertThat(errors.get("eventTypes[2]")).contains("'patient.exploded'").contains("patient.created");
	}

	@Test
	void validate_shouldRejectFilterEntriesThatAreNotUuids() {
		Target t = valid();
		t.getFilters().setConcepts(Arrays.asList("1234AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "drop table"));
		t.getFilters().setEncounterTypes(Collections.singletonList(repeat('a', 39)));
		t.getFilters().setVisitTypes(Collections.singletonList(""));
		t.getFilters().setLocations(Collections.singletonList(null));
		t.getFilters().setForms(Collections.singletonList("8d5b27bc-c2cc-11de-8d13-0010c6dffd0f"));
		assertThat(errorsOf(t)).containsOnlyKeys("filters.concepts[1]", "filters.encounterTypes[0]",
		    "filters.visitTypes[0]", "filters.locations[0]");
	}

	@Test
	void validate_shouldAcceptOnlyKnownRepresentations() {
		Target t = valid();
		for (String ok : Arrays.asList("none", "ref", "default", "full")) {
			t.setRepresentation(ok);
			assertThat(errorsOf(t)).isEmpty();
		}
		t.setRepresentation("custom:(uuid)");
		assertThat(errorsOf(t)).containsOnlyKeys("representation");
	}

	@Test
	void validate_shouldAcceptOnlyKnownOrderings() {
		Target t = valid();
		t.setOrdering("none");
		assertThat(errorsOf(t)).isEmpty();
		t.setOrdering("fifo");
		assertThat(errorsOf(t)).containsOnlyKeys("ordering");
	}

	@ParameterizedTest
	@CsvSource({ "batchSize,0,1,100,101", "maxConcurrency,0,1,64,65", "timeoutSeconds,0,1,120,121",
	        "maxAttempts,0,1,20,21" })
	void validate_shouldKeepNumbersWithinTheirRange(String field, int below, int min, int max, int above) {
		for (int value : new int[] { below, above, -5 }) {
			assertThat(errorsOf(withNumber(field, value))).as(field + "=" + value).containsOnlyKeys(field);
		}
		assertThat(errorsOf(withNumber(field, min))).isEmpty();
		assertThat(errorsOf(withNumber(field, max))).isEmpty();
		assertThat(errorsOf(withNumber(field, below)).get(field)).contains(min + " to " + max);
	}

	private static Target withNumber(String field, int value) {
		Target t = valid();
		switch (field) {
			case "batchSize" -> t.setBatchSize(value);
			case "maxConcurrency" -> t.setMaxConcurrency(value);
			case "timeoutSeconds" -> t.setTimeoutSeconds(value);
			default -> t.setMaxAttempts(value);
		}
		return t;
	}

	@Test
	void validate_shouldRejectAnUnknownAuthType() {
		Target t = valid();
		t.getAuth().setType("digest");
		assertThat(errorsOf(t)).containsOnlyKeys("auth.type");
		t.getAuth().setType(null);
		assertThat(errorsOf(t)).containsOnlyKeys("auth.type");
	}

	@Test
	void validate_shouldRequireUsernameAndPasswordForBasicAuth() {
		Target t = valid();
		t.setAuth(auth(TargetAuth.BASIC));
		assertThat(errorsOf(t)).containsOnlyKeys("auth.username", "auth.password");
		t.getAuth().setUsername("a:b");
		t.getAuth().setPassword("pw");
		assertThat(errorsOf(t)).containsOnlyKeys("auth.username");
		assertThat(errorsOf(t).get("auth.username")).contains("':'");
	}

	@Test
	void validate_shouldRequireATokenForBearerAuth() {
		Target t = valid();
		t.setAuth(auth(TargetAuth.BEARER));
		assertThat(errorsOf(t)).containsOnlyKeys("auth.token");
		t.getAuth().setToken("tok");
		assertThat(errorsOf(t)).isEmpty();
	}

	@Test
	void validate_shouldRequireAValidHeaderNameAndAValueForApiKeyAuth() {
		Target t = valid();
		t.setAuth(auth(TargetAuth.API_KEY));
		assertThat(errorsOf(t)).containsOnlyKeys("auth.headerName", "auth.value");
		t.getAuth().setHeaderName("x api key");
		t.getAuth().setValue("v");
		assertThat(errorsOf(t)).containsOnlyKeys("auth.headerName");
		t.getAuth().setHeaderName("Content-Type");
		assertThat(errorsOf(t).get("auth.headerName")).contains("set by the module");
	}

	@Test
	void validate_shouldRejectCredentialsWithLineBreaks() {
		Target t = valid();
		t.getAuth().setValue("abc\r\nX-Injected: 1");
		assertThat(errorsOf(t)).containsOnlyKeys("auth.value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "X Custom", "X-Custom:", "Xé", "(x)", "" })
	void validate_shouldRejectHeaderNamesThatAreNotTokens(String name) {
		Target t = valid();
		t.getHeaders().put(name, "v");
		assertThat(errorsOf(t)).containsOnlyKeys("headers." + name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Content-Type", "content-length", "Host", "User-Agent", "webhook-id",
	        "Webhook-Timestamp", "webhook-signature", "Transfer-Encoding" })
	void validate_shouldRejectHeadersTheModuleSetsItself(String name) {
		Target t = valid();
		t.getHeaders().put(name, "v");
		assertThat(errorsOf(t)).containsOnlyKeys("headers." + name);
	}

	@Test
	void validate_shouldRejectAnAuthorizationHeaderOnlyWhenAuthIsSet() {
		Target t = valid();
		t.getHeaders().put("Authorization", "Token abc");
		assertThat(errorsOf(t)).containsOnlyKeys("headers.Authorization");
		t.setAuth(auth(TargetAuth.NONE));
		assertThat(errorsOf(t)).isEmpty();
	}

	@Test
	void validate_shouldRejectACustomHeaderThatRepeatsTheApiKeyHeader() {
		Target t = valid();
		t.getHeaders().put("X-API-KEY", "other");
		assertThat(errorsOf(t)).containsOnlyKeys("headers.X-API-KEY");
	}

	@Test
	void validate_shouldRejectTheSameHeaderTwiceInAnyCase() {
		Target t = valid();
		t.getHeaders().put("x-custom", "again");
		assertThat(errorsOf(t)).containsOnlyKeys("headers.x-custom");
	}

	@Test
	void validate_shouldRejectHeaderValuesWithLineBreaksOrWithoutValue() {
		Target t = valid();
		t.getHeaders().put("X-Cr", "a\rb");
		t.getHeaders().put("X-Lf", "a\nb");
		t.getHeaders().put("X-Null", null);
		t.getHeaders().put("X-Tab", "a\tb");
		assertThat(errorsOf(t)).containsOnlyKeys("headers.X-Cr", "headers.X-Lf", "headers.X-Null");
	}

	@Test
	void validate_shouldAllowAtMost20Headers() {
		Target t = valid();
		for (int i = 2; i <= 20; i++) {
			t.getHeaders().put("X-H" + i, "v");
		}
		assertThat(errorsOf(t)).isEmpty();
		t.getHeaders().put("X-H21", "v");
		assertThat(errorsOf(t)).containsOnlyKeys("headers");
	}

	@Test
	void validate_shouldRejectAnImportedSigningSecretThatIsNotWhsec() {
		Target t = valid();
		t.setSigningSecrets(new ArrayList<>(Arrays.asList(new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 1, 0),
		    new SigningSecret("whsec_dG9vc2hvcnQ=", 1, 0), new SigningSecret("plain", 1, 0))));
		assertThat(errorsOf(t)).containsOnlyKeys("signingSecrets[1]", "signingSecrets[2]");
	}

	@Test
	void validate_shouldReportEveryInvalidFieldAtOnce() {
		Target t = new Target();
		t.setUrl("ftp://x");
		t.setEventTypes(Arrays.asList("nope"));
		t.getFilters().setForms(Arrays.asList("bad form"));
		t.setRepresentation("all");
		t.setOrdering(null);
		t.setBatchSize(0);
		t.setMaxConcurrency(0);
		t.setTimeoutSeconds(-1);
		t.setMaxAttempts(99);
		t.setAuth(auth(TargetAuth.BASIC));
		t.getHeaders().put("Host", "h");

		assertThat(errorsOf(t)).containsOnlyKeys("name", "url", "eventTypes[0]", "filters.forms[0]", "representation",
		    "ordering", "batchSize", "maxConcurrency", "timeoutSeconds", "maxAttempts", "auth.username",
		    "auth.password", "headers.Host");
	}

	@Test
	void validate_shouldNeverPutASecretValueInAMessage() {
		String secret = "TOPSECRET-value-0042";
		Target t = valid();
		t.setUrl("https://user:" + secret + "@receiver.example.org/i/" + secret);
		t.getAuth().setValue(secret + "\n");
		t.getHeaders().put("X-Bad", secret + "\r\n");
		t.getHeaders().put("X-Long", secret + repeat('x', 5000));
		t.setSigningSecrets(new ArrayList<>(Collections.singletonList(new SigningSecret("whsec_" + secret, 1, 0))));
		Target basic = Targets.basic("b");
		basic.getAuth().setUsername(secret + ":x");
		basic.getAuth().setPassword(secret + "\u0000");
		Target bearer = valid();
		bearer.setAuth(auth(TargetAuth.BEARER));
		bearer.getAuth().setToken(secret + "\r");

		List<String> messages = new ArrayList<>();
		for (Target each : Arrays.asList(t, basic, bearer)) {
			Map<String, String> errors = errorsOf(each);
			assertThat(errors).isNotEmpty();
			messages.addAll(errors.values());
			try {
				validator.validate(each);
			}
			catch (TargetValidationException e) {
				messages.add(e.getMessage());
			}
		}
		assertThat(messages).hasSizeGreaterThan(8).allSatisfy(m -> assertThat(m).doesNotContain("TOPSECRET"));
	}

	private static TargetAuth auth(String type) {
		TargetAuth a = new TargetAuth();
		a.setType(type);
		return a;
	}

	private static String repeat(char c, int n) {
		return String.valueOf(c).repeat(n);
	}
}
