package org.openmrs.api.context;

import java.util.List;

import org.openmrs.api.APIException;
import org.openmrs.api.AdministrationService;

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

	public static void addProxyPrivilege(String privilege) {
		throw new UnsupportedOperationException("stub");
	}

	public static void removeProxyPrivilege(String privilege) {
		throw new UnsupportedOperationException("stub");
	}

	public static void openSession() {
		throw new UnsupportedOperationException("stub");
	}

	public static void closeSession() {
		throw new UnsupportedOperationException("stub");
	}
}
