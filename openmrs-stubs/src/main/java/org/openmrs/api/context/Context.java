package org.openmrs.api.context;

import java.util.List;

import org.aopalliance.aop.Advice;

import org.openmrs.api.APIException;
import org.openmrs.api.AdministrationService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.ObsService;
import org.openmrs.api.PatientService;
import org.openmrs.api.VisitService;

/** Compile-only stub of the OpenMRS class of the same name: only the members the module calls. */
public class Context {

	public Context() {
		throw new UnsupportedOperationException("stub");
	}

	public static <T> List<T> getRegisteredComponents(Class<T> type) {
		throw new UnsupportedOperationException("stub");
	}

	public static <T> T getRegisteredComponent(String beanName, Class<T> type) throws APIException {
		throw new UnsupportedOperationException("stub");
	}

	public static AdministrationService getAdministrationService() {
		throw new UnsupportedOperationException("stub");
	}

	/** Adds {@code advice} around the service {@code cls} (core: a no-op when that very advice is there already). */
	public static void addAdvice(Class cls, Advice advice) {
		throw new UnsupportedOperationException("stub");
	}

	public static void removeAdvice(Class cls, Advice advice) {
		throw new UnsupportedOperationException("stub");
	}

	public static void addProxyPrivilege(String privilege) {
		throw new UnsupportedOperationException("stub");
	}

	public static void removeProxyPrivilege(String privilege) {
		throw new UnsupportedOperationException("stub");
	}

	// --- used by the REST layer (omod): services, privilege checks, the representation hook's session ---

	public static <T> T getService(Class<? extends T> cls) {
		throw new UnsupportedOperationException("stub");
	}

	public static boolean isAuthenticated() {
		throw new UnsupportedOperationException("stub");
	}

	public static boolean hasPrivilege(String privilege) {
		throw new UnsupportedOperationException("stub");
	}

	public static boolean isSessionOpen() {
		throw new UnsupportedOperationException("stub");
	}

	public static void openSession() {
		throw new UnsupportedOperationException("stub");
	}

	public static void closeSession() {
		throw new UnsupportedOperationException("stub");
	}

	public static PatientService getPatientService() {
		throw new UnsupportedOperationException("stub");
	}

	public static EncounterService getEncounterService() {
		throw new UnsupportedOperationException("stub");
	}

	public static ObsService getObsService() {
		throw new UnsupportedOperationException("stub");
	}

	public static VisitService getVisitService() {
		throw new UnsupportedOperationException("stub");
	}
}
