package org.openmrs.module.webhooks;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openmrs.module.Extension;
import org.openmrs.module.ModuleFactory;
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
 * <p>Core's {@code ModuleFactory} and {@code Extension} are called directly (their stubs are checked against both
 * platform lines); only the omod's extension class is loaded by name, through the module's class loader: the api
 * cannot refer to the omod, and the class may only be loaded where legacyui is.
 */
public final class LegacyAdminLink {

	/**
	 * What of core's module registry this needs; a seam, because core's {@code ModuleFactory} is a stub on the test
	 * class path. Extensions are plain objects here: in production core's {@code Extension}s, in tests anything.
	 */
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

	private static final Logger log = LoggerFactory.getLogger(LegacyAdminLink.class);

	private final Core core;

	private Object added;

	private String addedKey;

	private boolean toldOff;

	public LegacyAdminLink(Core core) {
		this.core = core;
	}

	/** Over core's {@code ModuleFactory}; the extension class is loaded by this class's class loader (the module's). */
	public static LegacyAdminLink ofCore() {
		return new LegacyAdminLink(new ModuleFactoryCore(LegacyAdminLink.class.getClassLoader()));
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

	/** {@link Core} over openmrs-api's {@code ModuleFactory} and {@code Extension}, called directly. */
	static final class ModuleFactoryCore implements Core {

		private final ClassLoader loader;

		/** @param loader loads the extension class: the module's, which sees the omod's classes and legacyui's */
		ModuleFactoryCore(ClassLoader loader) {
			this.loader = loader;
		}

		@Override
		public boolean isModuleStarted(String moduleId) {
			return ModuleFactory.isModuleStarted(moduleId);
		}

		/** Core's own map: what is put in its lists is an {@link Extension} ({@link #newExtension}). */
		@Override
		@SuppressWarnings({ "unchecked", "rawtypes" })
		public Map<String, List<Object>> extensionMap() {
			return (Map) ModuleFactory.getExtensionMap();
		}

		@Override
		public Object newExtension(String className, String pointId, String moduleId) {
			Extension extension;
			try {
				extension = Class.forName(className, true, loader).asSubclass(Extension.class).getDeclaredConstructor()
				        .newInstance();
			}
			catch (InvocationTargetException e) {
				throw new IllegalStateException("Webhooks: could not create the legacy admin list link", e.getCause());
			}
			catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
				throw new IllegalStateException("Webhooks: could not create the legacy admin list link", e);
			}
			extension.setPointId(pointId);
			extension.setModuleId(moduleId);
			return extension;
		}

		@Override
		public String extensionId(Object extension) {
			return ((Extension) extension).getExtensionId();
		}
	}
}
