package org.openmrs.module.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.Extension;

/**
 * The legacy admin list link, over a stand-in for core's {@code ModuleFactory} (whose stub cannot run), creating
 * its extension through production's {@link LegacyAdminLink.ModuleFactoryCore}: an extension of core's
 * {@code Extension} (point, module, id of point and media type).
 */
class LegacyAdminLinkTest {

	/** Core's module registry: whether legacyui is started, and the extension map; the rest is production's. */
	static final class StandInCore implements LegacyAdminLink.Core {

		final Map<String, List<Object>> extensions = new HashMap<>();

		volatile boolean legacyui;

		private final LegacyAdminLink.Core production = new LegacyAdminLink.ModuleFactoryCore(
		        LegacyAdminLinkTest.class.getClassLoader());

		@Override
		public boolean isModuleStarted(String moduleId) {
			return legacyui && "legacyui".equals(moduleId);
		}

		@Override
		public Map<String, List<Object>> extensionMap() {
			return extensions;
		}

		/** {@link StandInExtension} where production creates the omod's AdminList (not on this class path). */
		@Override
		public Object newExtension(String className, String pointId, String moduleId) {
			assertThat(className).isEqualTo(LegacyAdminLink.EXTENSION_CLASS);
			return production.newExtension(StandInExtension.class.getName(), pointId, moduleId);
		}

		@Override
		public String extensionId(Object extension) {
			return production.extensionId(extension);
		}
	}

	/** An admin list section: its media type is html (the stub's getExtensionId cannot run). */
	public static final class StandInExtension extends Extension {

		@Override
		public String getExtensionId() {
			return getPointId() + "|html";
		}
	}

	private final StandInCore core = new StandInCore();

	private final PrintStream err = System.err;

	private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

	@AfterEach
	void reset() {
		System.setErr(err);
	}

	@Test
	void withLegacyui_shouldAddOneSectionToTheAdminList_andRemoveItAgain() {
		core.legacyui = true;
		List<Object> others = new ArrayList<>(Arrays.asList("another module's section"));
		core.extensions.put("org.openmrs.admin.list|html", others);
		LegacyAdminLink link = new LegacyAdminLink(core);

		link.update();
		link.update(); // started() after contextRefreshed(): still one

		assertThat(others).hasSize(2);
		StandInExtension ours = (StandInExtension) others.get(1);
		assertThat(ours.getPointId()).isEqualTo("org.openmrs.admin.list");
		assertThat(ours.getModuleId()).isEqualTo("webhooks");
		assertThat(link.isAdded()).isTrue();

		link.remove();
		assertThat(others).containsExactly("another module's section");
		assertThat(link.isAdded()).isFalse();
	}

	@Test
	void withoutLegacyui_shouldAddNothing_andSayOnceAtInfoThatTheLinkIsOff() {
		System.setErr(new PrintStream(logged, true));
		LegacyAdminLink link = new LegacyAdminLink(core);

		link.update();
		link.update();
		link.remove();

		assertThat(core.extensions).isEmpty();
		List<String> lines = lines();
		assertThat(lines).filteredOn(l -> l.contains("legacy admin list link is off")).hasSize(1).first().asString()
		        .contains("INFO").contains("/openmrs/moduleResources/webhooks/admin/index.html");
		assertThat(lines).noneMatch(l -> l.contains("WARN") || l.contains("ERROR"));
	}

	@Test
	void legacyuiStoppedLater_shouldTakeTheLinkOut() {
		core.legacyui = true;
		LegacyAdminLink link = new LegacyAdminLink(core);
		link.update();
		assertThat(core.extensions.get("org.openmrs.admin.list|html")).hasSize(1);

		core.legacyui = false;
		link.update();

		assertThat(core.extensions.get("org.openmrs.admin.list|html")).isEmpty();
	}

	@Test
	void moduleFactoryCore_shouldCallCoresModuleFactoryDirectly() {
		LegacyAdminLink.Core production = new LegacyAdminLink.ModuleFactoryCore(getClass().getClassLoader());

		// the stub ModuleFactory is what the test class path has: reaching it proves the call goes to core's class
		assertThatThrownBy(() -> production.isModuleStarted("legacyui")).isInstanceOf(UnsupportedOperationException.class)
		        .satisfies(e -> assertThat(thrownBy(e)).isEqualTo("org.openmrs.module.ModuleFactory.isModuleStarted"));
		assertThatThrownBy(production::extensionMap).isInstanceOf(UnsupportedOperationException.class)
		        .satisfies(e -> assertThat(thrownBy(e)).isEqualTo("org.openmrs.module.ModuleFactory.getExtensionMap"));
	}

	@Test
	void moduleFactoryCore_shouldNameAnExtensionItCannotCreate() {
		LegacyAdminLink.Core production = new LegacyAdminLink.ModuleFactoryCore(getClass().getClassLoader());

		assertThatThrownBy(() -> production.newExtension("org.example.Missing", LegacyAdminLink.POINT, "webhooks"))
		        .isInstanceOf(IllegalStateException.class).hasMessageContaining("legacy admin list link")
		        .hasCauseInstanceOf(ClassNotFoundException.class);
		// a class that is no Extension is named too, not put into core's map
		assertThatThrownBy(() -> production.newExtension(StringBuilder.class.getName(), LegacyAdminLink.POINT, "webhooks"))
		        .isInstanceOf(IllegalStateException.class).hasMessageContaining("legacy admin list link")
		        .hasCauseInstanceOf(ClassCastException.class);
	}

	private static String thrownBy(Throwable e) {
		StackTraceElement top = e.getStackTrace()[0];
		return top.getClassName() + "." + top.getMethodName();
	}

	private List<String> lines() {
		return Arrays.stream(new String(logged.toByteArray(), StandardCharsets.UTF_8).split("\\R"))
		        .collect(Collectors.toList());
	}
}
