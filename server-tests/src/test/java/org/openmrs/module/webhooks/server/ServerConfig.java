package org.openmrs.module.webhooks.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the suite is pointed at, from environment variables (or system properties of the same names). Only
 * {@code OPENMRS_URL} and the database are required; everything else has a default. See docs/testing.md.
 */
final class ServerConfig {

	/** Base URL of OpenMRS, with its context path: {@code http://127.0.0.1:8080/openmrs}. */
	final String url;

	final String user;

	final String password;

	/** JDBC URL of the server's database ({@code jdbc:mariadb://…}, {@code jdbc:postgresql://…}). */
	final String dbUrl;

	final String dbUser;

	final String dbPassword;

	/** The .omod to install: WEBHOOKS_OMOD, by default the one {@code mvn -B package -DskipTests} builds. */
	final Path omod;

	/**
	 * {@code upload} (default): install through {@code POST /ws/rest/v1/module}; {@code modules}: put the .omod into
	 * {@code modules/} and restart (for core 2.5.0 with REST 2.51.0, whose upload fails for any module; needs an
	 * owned server); {@code present}: the module was installed beforehand (checked, not installed; no upgrade case).
	 */
	final String installMode;

	/** The directory of a server that {@code .ci/openmrs-server} started (OPENMRS_SERVER_DIR), or null. */
	final Path serverDir;

	/** The host name or address under which the server reaches this JVM's receivers. */
	final String receiverHost;

	/** The address this JVM's receivers listen on. */
	final String receiverBind;

	final Path projectRoot;

	private static ServerConfig instance;

	private ServerConfig() {
		projectRoot = Paths.get(setting("webhooks.projectRoot", "..")).toAbsolutePath().normalize();
		String u = setting("OPENMRS_URL", null);
		if (u == null || u.isBlank()) {
			throw new IllegalStateException("OPENMRS_URL is not set: point the suite at a running OpenMRS "
			        + "(e.g. OPENMRS_URL=http://127.0.0.1:8080/openmrs) or run .ci/server-tests; see docs/testing.md");
		}
		url = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
		user = setting("OPENMRS_USER", "admin");
		password = setting("OPENMRS_PASSWORD", "Admin123");
		dbUrl = setting("OPENMRS_DB_URL", null);
		if (dbUrl == null || dbUrl.isBlank()) {
			throw new IllegalStateException("OPENMRS_DB_URL is not set: the JDBC URL of the server's database "
			        + "(e.g. jdbc:mariadb://127.0.0.1:3306/openmrs), with OPENMRS_DB_USER / OPENMRS_DB_PASSWORD");
		}
		dbUser = setting("OPENMRS_DB_USER", "root");
		dbPassword = setting("OPENMRS_DB_PASSWORD", "");
		String o = setting("WEBHOOKS_OMOD", null);
		omod = o == null || o.isBlank() ? defaultOmod() : Paths.get(o).toAbsolutePath();
		installMode = setting("WEBHOOKS_INSTALL", "upload");
		if (!List.of("upload", "modules", "present").contains(installMode)) {
			throw new IllegalStateException("WEBHOOKS_INSTALL must be upload, modules or present, not " + installMode);
		}
		String dir = setting("OPENMRS_SERVER_DIR", null);
		serverDir = dir == null || dir.isBlank() ? null : Paths.get(dir).toAbsolutePath();
		receiverHost = setting("WEBHOOKS_RECEIVER_HOST", "127.0.0.1");
		receiverBind = setting("WEBHOOKS_RECEIVER_BIND",
		    receiverHost.equals("127.0.0.1") || receiverHost.equals("localhost") ? "127.0.0.1" : "0.0.0.0");
	}

	static synchronized ServerConfig get() {
		if (instance == null) {
			instance = new ServerConfig();
		}
		return instance;
	}

	boolean owned() {
		return serverDir != null;
	}

	private Path defaultOmod() {
		Path target = projectRoot.resolve("omod/target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(p -> p.getFileName().toString().matches("webhooks-.*\\.omod")).findFirst()
			        .orElse(target.resolve("webhooks-<version>.omod"));
		}
		catch (IOException e) {
			return target.resolve("webhooks-<version>.omod");
		}
	}

	private static String setting(String name, String fallback) {
		String v = System.getProperty(name);
		if (v == null) {
			v = System.getenv(name);
		}
		return v == null ? fallback : v;
	}
}
