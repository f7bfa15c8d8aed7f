package org.openmrs.module;

/** Compile-only stub of the OpenMRS interface of the same name; the real one comes from openmrs-api. */
public interface DaemonTokenAware {

	void setDaemonToken(DaemonToken token);
}
