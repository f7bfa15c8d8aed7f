package org.openmrs.module;

import java.util.List;
import java.util.Map;

/** Compile-only stub of the OpenMRS class of the same name: only the static members the module calls. */
public class ModuleFactory {

	private ModuleFactory() {
	}

	public static boolean isModuleStarted(String moduleId) {
		throw new UnsupportedOperationException("stub");
	}

	/** Core's extensions by extension id (point id and media type); legacyui's pages read it. */
	public static Map<String, List<Extension>> getExtensionMap() {
		throw new UnsupportedOperationException("stub");
	}
}
