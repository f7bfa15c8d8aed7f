package org.openmrs.module.webhooks.realcore.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.openmrs.GlobalProperty;
import org.openmrs.Privilege;
import org.openmrs.api.AdministrationService;
import org.openmrs.api.UserService;
import org.openmrs.api.context.Context;
import org.openmrs.module.Module;
import org.openmrs.util.DatabaseUpdater;
import org.openmrs.util.OpenmrsClassLoader;

import liquibase.Contexts;

/**
 * What core does for the module when it starts it, done here because core's test framework loads the module's
 * Spring context but does not start modules: the module's liquibase.xml run by core's {@link DatabaseUpdater} the
 * way ModuleFactory runs it, the privileges and global properties config.xml declares created as core's
 * checkCoreDataset creates them. (The module's advice is the activator's own: see PatientMergeTest.)
 */
public final class ModuleInstall {

	private ModuleInstall() {
	}

	/**
	 * Idempotent; call after core's base set-up. Core's test framework empties every table when it sets the database
	 * up, and core 2.5's also after each test class: whatever is missing is made again, committed in a transaction of
	 * its own (not in a test-managed one, which would roll it back).
	 */
	public static synchronized void ensure() {
		if (!changeLogApplied()) {
			runLiquibase();
		}
		Committed.call(() -> {
			createPrivilegesAndGlobalProperties(ShippedModule.config());
			return null;
		});
	}

	/** Whether liquibasechangelog holds the module's change sets (it is emptied with the other tables). */
	private static boolean changeLogApplied() {
		try (Connection c = Outbox.outsideConnection()) {
			if (!tableExists(c, "liquibasechangelog") || !tableExists(c, "webhooks_event")) {
				return false;
			}
			return Outbox.count(c, "liquibasechangelog", "author", "webhooks") > 0;
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** As ModuleFactory.runLiquibase: liquibase.xml from the module's class loader, no Liquibase contexts. */
	private static void runLiquibase() {
		ClassLoader before = Thread.currentThread().getContextClassLoader();
		try {
			// core passes the module's class loader; the shipped liquibase.xml is on the test class path once
			DatabaseUpdater.executeChangelog("liquibase.xml", new Contexts(), null, ModuleInstall.class.getClassLoader());
		}
		catch (Exception e) {
			throw new IllegalStateException("the module's liquibase.xml failed on core's test database", e);
		}
		finally {
			// DatabaseUpdater sets the thread's context class loader to the one it was given
			Thread.currentThread().setContextClassLoader(before == null ? OpenmrsClassLoader.getInstance() : before);
		}
	}

	private static void createPrivilegesAndGlobalProperties(Module module) {
		UserService users = Context.getUserService();
		for (Privilege declared : module.getPrivileges()) {
			if (users.getPrivilege(declared.getPrivilege()) == null) {
				users.savePrivilege(new Privilege(declared.getPrivilege(), declared.getDescription()));
			}
		}
		AdministrationService admin = Context.getAdministrationService();
		for (GlobalProperty declared : module.getGlobalProperties()) {
			if (admin.getGlobalPropertyObject(declared.getProperty()) == null) {
				admin.saveGlobalProperty(new GlobalProperty(declared.getProperty(), declared.getPropertyValue(),
				        declared.getDescription()));
			}
		}
	}

	/** Whether a table exists in core's test database. */
	public static boolean tableExists(Connection c, String table) throws SQLException {
		try (ResultSet rs = c.getMetaData().getTables(null, null, table.toUpperCase(), new String[] { "TABLE" })) {
			return rs.next();
		}
	}
}
