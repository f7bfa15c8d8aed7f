package org.openmrs.module.web.extension;

import java.util.Map;

import org.openmrs.module.Extension;

/**
 * Compile-only stub of the legacyui class of the same name (a section of the legacy admin page). The
 * constructor does not throw: our extension extends this class and tests instantiate it.
 */
public abstract class AdministrationSectionExt extends Extension {

	public AdministrationSectionExt() {
	}

	public abstract String getTitle();

	public String getRequiredPrivilege() {
		throw new UnsupportedOperationException("stub");
	}

	public abstract Map<String, String> getLinks();
}
