package org.openmrs.module;

/**
 * Compile-only stub of the OpenMRS class of the same name: only the members the module calls. The constructor
 * does not throw and the point and module id are held, as the setters and getters say: the module's extension
 * extends this class (through legacyui's {@code AdministrationSectionExt}) and tests create it.
 */
public abstract class Extension {

	private String pointId;

	private String moduleId;

	public Extension() {
	}

	public String getPointId() {
		return pointId;
	}

	public void setPointId(String pointId) {
		this.pointId = pointId;
	}

	/** In core: the point id and the media type; the key of the extension in {@link ModuleFactory#getExtensionMap()}. */
	public String getExtensionId() {
		throw new UnsupportedOperationException("stub");
	}

	public final String getModuleId() {
		return moduleId;
	}

	public final void setModuleId(String moduleId) {
		this.moduleId = moduleId;
	}
}
