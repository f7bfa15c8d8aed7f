package org.openmrs.module.webhooks;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Webhooks" section of the legacy admin list (legacyui's {@code admin/index.jsp}, extension point
 * {@code org.openmrs.admin.list}), added only while legacyui runs.
 *
 * <p>Why not an {@code <extension>} in config.xml: core instantiates every declared extension class when the
 * module starts, and legacyui's page shows only extensions that are a legacyui {@code AdministrationSectionExt}
 * (its {@code extensionPoint} tag has {@code requiredClass}, tested with {@code isAssignableFrom}). So the class
 * must extend a legacyui class; without legacyui (an O3 server without it) core cannot load it and logs "Unable to
 * create instance of class defined for extension point" at every look-up. Instead the activator asks this class,
 * on core's own thread: when legacyui is started, the extension ({@code web.extension.AdminList} of the omod) is
 * put into core's extension map ({@code ModuleFactory.getExtensionMap()}, public API of openmrs-api, which
 * legacyui's page reads); when it is not, one INFO line says the link is off and where the page is.
 *
 * <p>Core's {@code ModuleFactory} and {@code Extension} are reached by reflection ({@link Core}): the module is
 * compiled against stubs that do not declare them.
 */
public final class LegacyAdminLink {

	/** What of core's module registry this needs; a seam, because core's classes are not on the test class path. */
	public interface Core {

		boolean isModuleStarted(String moduleId);

		/** Core's map of extension id to extensions ({@code ModuleFactory.getExtensionMap()}). */
		Map<String, List<Object>> extensionMap();

		/** A new instance of {@code className}, with its point and module id set. */
		Object newExtension(String className, String pointId, String moduleId);

		/** The extension's id (point and media type): its key in the map. */
		String extensionId(Object extension);
	}

	public static final String LEGACYUI = "legacyui";

	public static final String POINT = "org.openmrs.admin.list";

	/** The omod's extension class; it extends legacyui's {@code AdministrationSectionExt}. */
	public static final String EXTENSION_CLASS = "org.openmrs.module.webhooks.web.extension.AdminList";

	/** Where core serves the admin page (the context path is {@code /openmrs} in a standard install). */
	public static final String PAGE = "/openmrs/moduleResources/webhooks/admin/index.html";

	static final String MODULE_FACTORY = "org.openmrs.module.ModuleFactory";

	private static final Logger log = LoggerFactory.getLogger(LegacyAdminLink.class);

	private final Core core;

	private Object added;

	private String addedKey;

	private boolean toldOff;

	public LegacyAdminLink(Core core) {
		this.core = core;
	}

	/** Over core's {@code ModuleFactory}, found through this class's class loader (the module's). */
	public static LegacyAdminLink ofCore() {
		return new LegacyAdminLink(new ReflectiveCore(LegacyAdminLink.class.getClassLoader(), MODULE_FACTORY));
	}

	/** Adds the link when legacyui is started and it is not there yet; removes it when legacyui is not started. */
	public synchronized void update() {
		if (core.isModuleStarted(LEGACYUI)) {
			toldOff = false;
			if (added == null) {
				Object extension = core.newExtension(EXTENSION_CLASS, POINT, WebhooksConstants.MODULE_ID);
				String key = core.extensionId(extension);
				Map<String, List<Object>> map = core.extensionMap();
				List<Object> extensions = map.get(key);
				if (extensions == null) {
					extensions = new ArrayList<>();
					map.put(key, extensions);
				}
				extensions.add(extension);
				added = extension;
				addedKey = key;
				log.info("Webhooks: legacyui is running; the legacy admin list links to the admin page");
			}
		} else {
			remove();
			if (!toldOff) {
				toldOff = true;
				log.info("Webhooks: legacyui is not running, so the legacy admin list link is off; the admin page is at {}",
				    PAGE);
			}
		}
	}

	/** Takes the link out of core's map again (module stopping, or legacyui gone). */
	public synchronized void remove() {
		if (added != null) {
			List<Object> extensions = core.extensionMap().get(addedKey);
			if (extensions != null) {
				for (int i = 0; i < extensions.size(); i++) {
					if (extensions.get(i) == added) {
						extensions.remove(i);
						break;
					}
				}
			}
			added = null;
			addedKey = null;
		}
	}

	/** Whether the link is in core's map now. */
	public synchronized boolean isAdded() {
		return added != null;
	}

	/** {@link Core} over openmrs-api's {@code ModuleFactory} and {@code Extension}, by reflection. */
	static final class ReflectiveCore implements Core {

		private final ClassLoader loader;

		private final String moduleFactory;

		/** @param moduleFactory core's {@code org.openmrs.module.ModuleFactory} (another class in tests) */
		ReflectiveCore(ClassLoader loader, String moduleFactory) {
			this.loader = loader;
			this.moduleFactory = moduleFactory;
		}

		@Override
		public boolean isModuleStarted(String moduleId) {
			return (Boolean) invokeStatic("isModuleStarted", new Class<?>[] { String.class }, moduleId);
		}

		@Override
		@SuppressWarnings("unchecked")
		public Map<String, List<Object>> extensionMap() {
			return (Map<String, List<Object>>) invokeStatic("getExtensionMap", new Class<?>[0]);
		}

		@Override
		public Object newExtension(String className, String pointId, String moduleId) {
			try {
				Class<?> type = Class.forName(className, true, loader);
				Object extension = type.getDeclaredConstructor().newInstance();
				type.getMethod("setPointId", String.class).invoke(extension, pointId);
				type.getMethod("setModuleId", String.class).invoke(extension, moduleId);
				return extension;
			}
			catch (InvocationTargetException e) {
				throw new IllegalStateException("Webhooks: could not create the legacy admin list link", e.getCause());
			}
			catch (ReflectiveOperationException | LinkageError e) {
				throw new IllegalStateException("Webhooks: could not create the legacy admin list link", e);
			}
		}

		@Override
		public String extensionId(Object extension) {
			try {
				return (String) extension.getClass().getMethod("getExtensionId").invoke(extension);
			}
			catch (InvocationTargetException e) {
				throw new IllegalStateException("Webhooks: core's Extension.getExtensionId failed", e.getCause());
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("Webhooks: core's Extension.getExtensionId is missing", e);
			}
		}

		private Object invokeStatic(String method, Class<?>[] types, Object... args) {
			try {
				return Class.forName(moduleFactory, true, loader).getMethod(method, types)
				        .invoke(null, args);
			}
			catch (InvocationTargetException e) {
				throw new IllegalStateException("Webhooks: core's ModuleFactory." + method + " failed", e.getCause());
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("Webhooks: core's ModuleFactory." + method + " is missing", e);
			}
		}
	}
}
