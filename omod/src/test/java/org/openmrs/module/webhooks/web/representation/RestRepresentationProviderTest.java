package org.openmrs.module.webhooks.web.representation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openmrs.module.webhooks.ModuleSessions;
import org.openmrs.module.webhooks.testsupport.FakeUserContexts;

class RestRepresentationProviderTest {

	private final List<String> log = new ArrayList<>();

	/** A link as the REST module puts it in a representation: a bean, not a map. */
	public static final class Link {

		public String getRel() {
			return "self";
		}

		public String getUri() {
			return "http://localhost/openmrs/ws/rest/v1/patient/p-1";
		}

		public String getResourceAlias() {
			return "patient";
		}
	}

	private final Resources resources = new Resources() {

		@Override
		public boolean knows(String resource) {
			return Arrays.asList("patient", "encounter", "obs", "visit").contains(resource);
		}

		@Override
		public Object find(String resource, String uuid) {
			log.add("find " + resource + " " + uuid);
			return "gone".equals(uuid) ? null : resource + ":" + uuid;
		}

		@Override
		public Object represent(Object entity, String representation) {
			log.add("represent " + entity + " " + representation);
			Map<String, Object> rep = new LinkedHashMap<>();
			rep.put("uuid", "p-1");
			rep.put("display", "ABC-1001 - John Doe");
			rep.put("voided", false);
			rep.put("identifiers", Arrays.asList(Map.of("uuid", "i-1")));
			rep.put("links", Arrays.asList(new Link()));
			return rep;
		}
	};

	private final ReadSession session = new ReadSession() {

		@Override
		public <T> T read(Supplier<T> work) {
			log.add("open");
			try {
				return work.get();
			}
			finally {
				log.add("close");
			}
		}
	};

	private final RestRepresentationProvider provider = new RestRepresentationProvider(resources, session);

	@Test
	void represent_shouldConvertInsideTheReadSessionIntoAPlainTree() {
		Object tree = provider.represent("patient", "p-1", "full");

		assertThat(log).containsExactly("open", "find patient p-1", "represent patient:p-1 full", "close");
		assertThat(tree).isEqualTo(Map.of("uuid", "p-1", "display", "ABC-1001 - John Doe", "voided", false, "identifiers",
		    List.of(Map.of("uuid", "i-1")), "links", List.of(Map.of("rel", "self", "uri",
		        "http://localhost/openmrs/ws/rest/v1/patient/p-1", "resourceAlias", "patient"))));
		assertThat(tree.toString()).startsWith("{uuid=p-1, display=ABC-1001 - John Doe, voided=false");
	}

	@Test
	void represent_shouldAnswerNullWhenTheResourceNoLongerExists() {
		assertThat(provider.represent("encounter", "gone", "default")).isNull();
		assertThat(log).containsExactly("open", "find encounter gone", "close");
	}

	@Test
	void represent_shouldRefuseUnknownResourcesAndRepresentationsBeforeReading() {
		assertThatThrownBy(() -> provider.represent("order", "o-1", "full")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> provider.represent("patient", "p-1", "custom:(uuid)"))
		        .isInstanceOf(IllegalArgumentException.class);
		assertThat(log).isEmpty();
	}

	@Test
	void coreResources_shouldKnowTheFourCapturedResources() {
		CoreResources core = new CoreResources();

		assertThat(Arrays.asList("patient", "encounter", "obs", "visit")).allMatch(core::knows);
		assertThat(core.knows("person")).isFalse();
	}

	@Test
	void readPrivileges_shouldBeReadOnlyCorePrivileges() {
		assertThat(ContextReadSession.READ_PRIVILEGES).allMatch(p -> p.startsWith("Get "))
		        .contains("Get Patients", "Get Encounters", "Get Observations", "Get Visits", "Get Concepts",
		            "Get Locations", "Get People", "Get Global Properties")
		        .doesNotHaveDuplicates();
	}

	@Test
	void contextReadSession_onAThreadTheModuleDoesNotOwn_shouldReadOnAModuleThread_leavingTheCallerAsItWas() {
		FakeUserContexts contexts = new FakeUserContexts();
		FakeUserContexts.UserContext admin = contexts.logIn("admin");
		List<String> during = new ArrayList<>();
		try {
			String read = new ContextReadSession(new ModuleSessions(contexts, 5_000)).read(() -> {
				during.add(Thread.currentThread().getName());
				during.addAll(contexts.current().proxies);
				return "patient";
			});

			assertThat(read).isEqualTo("patient");
			assertThat(during.get(0)).isEqualTo("webhooks-representation");
			assertThat(during.subList(1, during.size())).containsExactlyElementsOf(ContextReadSession.READ_PRIVILEGES);
			assertThat(contexts.current()).isSameAs(admin);
			assertThat(admin.proxies).isEmpty();
			assertThat(contexts.callsOn(Thread.currentThread())).isEmpty();
		}
		finally {
			contexts.clear();
		}
	}
}
