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

/**
 * The legacy admin list link, over a stand-in for core's {@code ModuleFactory} reached the way production reaches
 * the real one (by reflection), with extensions shaped like core's {@code Extension} (point, module, id of point
 * and media type).
 */
class LegacyAdminLinkTest {

	/** Has {@code ModuleFactory}'s two static methods the link uses. */
	public static final class StandInModuleFactory {

		static final Map<String, List<Object>> EXTENSIONS = new HashMap<>();

		static volatile boolean legacyui;

		public static boolean isModuleStarted(String moduleId) {
			return legacyui && "legacyui".equals(moduleId);
		}

		public static Map<String, List<Object>> getExtensionMap() {
			return EXTENSIONS;
		}
	}

	/** Has the members of core's {@code Extension} the link uses; an admin list section's media type is html. */
	public static final class StandInExtension {

		String pointId;

		String moduleId;

		public void setPointId(String pointId) {
			this.pointId = pointId;
		}

		public void setModuleId(String moduleId) {
			this.moduleId = moduleId;
		}

		public String getExtensionId() {
			return pointId + "|html";
		}
	}

	private final LegacyAdminLink.ReflectiveCore core = new LegacyAdminLink.ReflectiveCore(getClass().getClassLoader(),
	        StandInModuleFactory.class.getName());

	private final PrintStream err = System.err;

	private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

	@AfterEach
	void reset() {
		System.setErr(err);
		StandInModuleFactory.EXTENSIONS.clear();
		StandInModuleFactory.legacyui = false;
	}

	@Test
	void withLegacyui_shouldAddOneSectionToTheAdminList_andRemoveItAgain() {
		StandInModuleFactory.legacyui = true;
		List<Object> others = new ArrayList<>(Arrays.asList("another module's section"));
		StandInModuleFactory.EXTENSIONS.put("org.openmrs.admin.list|html", others);
		LegacyAdminLink link = new LegacyAdminLink(new NamedExtensionCore(core));

		link.update();
		link.update(); // started() after contextRefreshed(): still one

		assertThat(others).hasSize(2);
		StandInExtension ours = (StandInExtension) others.get(1);
		assertThat(ours.pointId).isEqualTo("org.openmrs.admin.list");
		assertThat(ours.moduleId).isEqualTo("webhooks");
		assertThat(link.isAdded()).isTrue();

		link.remove();
		assertThat(others).containsExactly("another module's section");
		assertThat(link.isAdded()).isFalse();
	}

	@Test
	void withoutLegacyui_shouldAddNothing_andSayOnceAtInfoThatTheLinkIsOff() {
		System.setErr(new PrintStream(logged, true));
		LegacyAdminLink link = new LegacyAdminLink(new NamedExtensionCore(core));

		link.update();
		link.update();
		link.remove();

		assertThat(StandInModuleFactory.EXTENSIONS).isEmpty();
		List<String> lines = lines();
		assertThat(lines).filteredOn(l -> l.contains("legacy admin list link is off")).hasSize(1).first().asString()
		        .contains("INFO").contains("/openmrs/moduleResources/webhooks/admin/index.html");
		assertThat(lines).noneMatch(l -> l.contains("WARN") || l.contains("ERROR"));
	}

	@Test
	void legacyuiStoppedLater_shouldTakeTheLinkOut() {
		StandInModuleFactory.legacyui = true;
		LegacyAdminLink link = new LegacyAdminLink(new NamedExtensionCore(core));
		link.update();
		assertThat(StandInModuleFactory.EXTENSIONS.get("org.openmrs.admin.list|html")).hasSize(1);

		StandInModuleFactory.legacyui = false;
		link.update();

		assertThat(StandInModuleFactory.EXTENSIONS.get("org.openmrs.admin.list|html")).isEmpty();
	}

	@Test
	void reflectiveCore_shouldNameWhatIsMissing() {
		LegacyAdminLink.ReflectiveCore noCore = new LegacyAdminLink.ReflectiveCore(getClass().getClassLoader(),
		        LegacyAdminLink.MODULE_FACTORY);

		// the test class path has no openmrs-api
		assertThatThrownBy(() -> noCore.isModuleStarted("legacyui")).isInstanceOf(IllegalStateException.class)
		        .hasMessageContaining("ModuleFactory.isModuleStarted is missing");
		assertThatThrownBy(() -> core.newExtension("org.example.Missing", LegacyAdminLink.POINT, "webhooks"))
		        .isInstanceOf(IllegalStateException.class).hasMessageContaining("legacy admin list link");
	}

	private List<String> lines() {
		return Arrays.stream(new String(logged.toByteArray(), StandardCharsets.UTF_8).split("\\R"))
		        .collect(Collectors.toList());
	}

	/** The reflective core, creating {@link StandInExtension} where production creates the omod's AdminList. */
	private static final class NamedExtensionCore implements LegacyAdminLink.Core {

		private final LegacyAdminLink.Core core;

		NamedExtensionCore(LegacyAdminLink.Core core) {
			this.core = core;
		}

		@Override
		public boolean isModuleStarted(String moduleId) {
			return core.isModuleStarted(moduleId);
		}

		@Override
		public Map<String, List<Object>> extensionMap() {
			return core.extensionMap();
		}

		@Override
		public Object newExtension(String className, String pointId, String moduleId) {
			assertThat(className).isEqualTo(LegacyAdminLink.EXTENSION_CLASS);
			return core.newExtension(StandInExtension.class.getName(), pointId, moduleId);
		}

		@Override
		public String extensionId(Object extension) {
			return core.extensionId(extension);
		}
	}
}
