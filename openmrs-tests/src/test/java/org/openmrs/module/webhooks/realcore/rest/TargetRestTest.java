package org.openmrs.module.webhooks.realcore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.api.TargetService;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webservices.rest.SimpleObject;
import org.openmrs.module.webservices.rest.web.RestUtil;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@code /ws/rest/v1/webhooktarget} in the real REST module (docs/rest.md): the REST module's standard reads, create,
 * update, 400 with {@code fieldErrors}, 401, 403 and 409, each checked against what the service then holds.
 *
 * <p>Writes go through the resource's {@code newDelegate()} / {@code save(Object)} as the REST module calls them; an
 * .omod compiled against stubs without the generic hierarchy lacks those bridge methods and answers 500
 * (AbstractMethodError, issue 9 bug 1) until the stubs declare it.
 */
public class TargetRestTest extends RestResourceTest {

	private TargetService targets;

	private String existing;

	@BeforeEach
	public void anExistingTarget() {
		targets = Context.getService(TargetService.class);
		existing = targets.saveTarget(target("Existing", "https://receiver.example.org/existing")).getTarget().getUuid();
	}

	@Override
	public String getURI() {
		return "webhooktarget";
	}

	@Override
	public String getUuid() {
		return existing;
	}

	@Override
	public long getAllCount() {
		return Math.min(targets.getAllTargets(false).size(), RestUtil.getDefaultLimit());
	}

	@Test
	public void create_shouldAnswer201WithTheTargetMaskedAndItsNewSigningSecretOnce() throws Exception {
		MockHttpServletResponse response = call(newPostRequest(getURI(),
		    map("name", "Created through REST", "url", "https://receiver.example.org/created", "eventTypes",
		        list("patient.*", "encounter.created"), "auth",
		        map("type", "apiKey", "headerName", "x-api-key", "value", "k3y-0f-the-receiver-4242"), "signing",
		        map("enabled", true))));

		assertThat(response.getStatus()).as(describe(response)).isEqualTo(201);
		SimpleObject body = json(response);
		String uuid = (String) body.get("uuid");
		assertThat(body).containsEntry("name", "Created through REST");
		assertThat(String.valueOf(((Map<?, ?>) body.get("auth")).get("value"))).isEqualTo("****4242");
		assertThat(String.valueOf(((Map<?, ?>) body.get("signing")).get("newSecret"))).startsWith("whsec_");
		Target stored = targets.getTargetByUuid(uuid);
		assertThat(stored.getEventTypes()).containsExactly("patient.*", "encounter.created");
		assertThat(json(call(newGetRequest(getURI() + "/" + uuid))).get("signing").toString()).doesNotContain("whsec_");
	}

	@Test
	public void update_shouldChangeOnlyWhatWasSent() throws Exception {
		MockHttpServletResponse response = call(
		    newPostRequest(getURI() + "/" + existing, map("description", "changed through REST")));

		assertThat(response.getStatus()).as(describe(response)).isEqualTo(200);
		Target stored = targets.getTargetByUuid(existing);
		assertThat(stored.getDescription()).isEqualTo("changed through REST");
		assertThat(stored.getName()).isEqualTo("Existing");
	}

	@Test
	public void invalidTarget_shouldAnswer400NamingEachFieldAndSaveNothing() throws Exception {
		int before = targets.getAllTargets(true).size();

		MockHttpServletResponse created = call(newPostRequest(getURI(),
		    map("name", "Invalid", "url", "ftp://receiver.example.org/x", "eventTypes",
		        list("patient.created", "patient.exploded"))));
		MockHttpServletResponse updated = call(newPostRequest(getURI() + "/" + existing, map("url", "not a url")));

		assertThat(created.getStatus()).as(describe(created)).isEqualTo(400);
		assertThat(fieldErrors(json(created))).containsKeys("url", "eventTypes[1]");
		assertThat(updated.getStatus()).as(describe(updated)).isEqualTo(400);
		assertThat(fieldErrors(json(updated))).containsKey("url");
		assertThat(targets.getAllTargets(true)).hasSize(before);
		assertThat(targets.getTargetByUuid(existing).getUrl()).isEqualTo("https://receiver.example.org/existing");
	}

	@Test
	public void anonymousRead_shouldAnswer401() throws Exception {
		Context.logout();

		MockHttpServletResponse list = call(newGetRequest(getURI()));
		MockHttpServletResponse one = call(newGetRequest(getURI() + "/" + existing));

		assertThat(list.getStatus()).as(describe(list)).isEqualTo(401);
		assertThat(list.getHeader("WWW-Authenticate")).startsWith("Basic");
		assertThat(one.getStatus()).as(describe(one)).isEqualTo(401);
	}

	@Test
	public void anonymousWrite_shouldAnswer401AndSaveNothing() throws Exception {
		int before = countAsAdmin();
		Context.logout();

		MockHttpServletResponse created = call(newPostRequest(getURI(), validBody("Anonymous")));
		MockHttpServletResponse updated = call(newPostRequest(getURI() + "/" + existing, map("name", "Anonymous")));

		assertThat(created.getStatus()).as(describe(created)).isEqualTo(401);
		assertThat(updated.getStatus()).as(describe(updated)).isEqualTo(401);
		assertThat(countAsAdmin()).isEqualTo(before);
	}

	@Test
	public void userWithoutManageWebhooks_shouldReadButAnswer403ToAWrite() throws Exception {
		int before = countAsAdmin();
		loginAsReader();

		MockHttpServletResponse read = call(newGetRequest(getURI() + "/" + existing));
		MockHttpServletResponse created = call(newPostRequest(getURI(), validBody("Not allowed")));
		MockHttpServletResponse updated = call(newPostRequest(getURI() + "/" + existing, map("name", "Not allowed")));

		assertThat(read.getStatus()).as(describe(read)).isEqualTo(200);
		assertThat(created.getStatus()).as(describe(created)).isEqualTo(403);
		assertThat(updated.getStatus()).as(describe(updated)).isEqualTo(403);
		assertThat(countAsAdmin()).isEqualTo(before);
		assertThat(targets.getTargetByUuid(existing).getName()).isEqualTo("Existing");
	}

	@Test
	public void staleUpdate_shouldAnswer409AndSaveNothing() throws Exception {
		String readAt = (String) json(call(newGetRequest(getURI() + "/" + existing, param("v", "full"))))
		        .get("dateChanged");
		Thread.sleep(5);
		Target someoneElses = targets.getTargetByUuid(existing);
		someoneElses.setDescription("someone else's change");
		targets.saveTarget(someoneElses);

		MockHttpServletResponse stale = call(newPostRequest(getURI() + "/" + existing,
		    map("name", "Mine", "dateChanged", readAt)));

		assertThat(readAt).isNotNull();
		assertThat(stale.getStatus()).as(describe(stale)).isEqualTo(409);
		Target stored = targets.getTargetByUuid(existing);
		assertThat(stored.getName()).isEqualTo("Existing");
		assertThat(stored.getDescription()).isEqualTo("someone else's change");
	}

	@Test
	public void dateChanged_shouldSaveWhenSentBackAsReadAndBeIgnoredInACreate() throws Exception {
		String readAt = (String) json(call(newGetRequest(getURI() + "/" + existing, param("v", "full"))))
		        .get("dateChanged");

		MockHttpServletResponse current = call(newPostRequest(getURI() + "/" + existing,
		    map("name", "Mine", "dateChanged", readAt)));
		MockHttpServletResponse created = call(newPostRequest(getURI(), map("name", "Copied", "url",
		    "https://receiver.example.org/copied", "eventTypes", list("patient.created"), "dateChanged", readAt)));

		assertThat(current.getStatus()).as(describe(current)).isEqualTo(200);
		assertThat(targets.getTargetByUuid(existing).getName()).isEqualTo("Mine");
		assertThat(created.getStatus()).as(describe(created)).isEqualTo(201);
		String copy = (String) json(created).get("uuid");
		assertThat(targets.getTargetByUuid(copy).getDateChanged()).isGreaterThan(0);
		assertThat((String) json(call(newGetRequest(getURI() + "/" + copy, param("v", "full")))).get("dateChanged"))
		        .isNotEqualTo(readAt);
	}

	/** Every target, retired ones too, read as the administrator (who is then logged in). */
	private int countAsAdmin() {
		authenticate();
		return targets.getAllTargets(true).size();
	}

	private static Map<String, Object> validBody(String name) {
		return map("name", name, "url", "https://receiver.example.org/" + name.replace(' ', '-'), "eventTypes",
		    list("patient.created"));
	}

	static Target target(String name, String url) {
		Target t = new Target();
		t.setName(name);
		t.setUrl(url);
		t.setEventTypes(Collections.singletonList("patient.*"));
		return t;
	}
}
