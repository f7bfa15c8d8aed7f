package org.openmrs.module.webhooks.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build check run on the finished .omod (bound to the package phase of omod/pom.xml): fails the build when
 * the .omod would misbehave in a real OpenMRS.
 * <ul>
 * <li>a class under {@code org/openmrs/} outside {@code org/openmrs/module/webhooks/}: a stub leaked in, and
 * would shadow the real OpenMRS class;</li>
 * <li>a library in {@code lib/} that OpenMRS core provides (Spring, Hibernate, Jackson, servlet, logging) or
 * a stub jar: two copies of a class on one class path;</li>
 * <li>a class newer than Java 8 bytecode (major version above 52), in the .omod or in any jar of
 * {@code lib/}: OpenMRS 2.5 and 2.6 run on Java 8. {@code module-info.class} and multi-release
 * {@code META-INF/versions/} entries are skipped, as Java 8 never loads them;</li>
 * <li>a missing {@code config.xml}, {@code moduleApplicationContext.xml}, {@code liquibase.xml} or
 * {@code messages.properties}, or no {@code lib/webhooks-api-*.jar}.</li>
 * </ul>
 */
public final class OmodCheck {

	static final int JAVA_8_MAJOR = 52;

	/** Jar name prefixes of libraries that core provides at run time, and of our own compile-only stubs. */
	static final List<String> PROVIDED_PREFIXES = Arrays.asList("spring-", "hibernate-", "jackson-", "javax.servlet",
	    "servlet-api", "jakarta.", "javax.persistence", "slf4j-", "log4j-", "logback-", "commons-logging", "aopalliance",
	    "openmrs-api", "openmrs-web", "webservices.rest", "legacyui", "webhooks-openmrs-stubs", "liquibase-",
	    "byte-buddy", "antlr", "jboss-", "classmate", "dom4j", "javassist", "h2-", "mariadb-", "postgresql-", "mysql-");

	static final List<String> REQUIRED_ENTRIES = Arrays.asList("config.xml", "moduleApplicationContext.xml",
	    "liquibase.xml", "messages.properties");

	private OmodCheck() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: OmodCheck <path to .omod>");
		}
		List<String> problems = check(new File(args[0]));
		if (!problems.isEmpty()) {
			StringBuilder message = new StringBuilder("The .omod " + args[0] + " fails its build checks:");
			for (String problem : problems) {
				message.append("\n  - ").append(problem);
			}
			throw new IllegalStateException(message.toString());
		}
		System.out.println("[omod-check] " + args[0] + ": layout, class origins, lib/ contents and Java 8 bytecode OK");
	}

	/** Every problem found in the .omod at {@code omod}, each naming the entry; empty when it passes. */
	public static List<String> check(File omod) throws IOException {
		List<String> problems = new ArrayList<>();
		if (!omod.isFile()) {
			problems.add("no such file: " + omod);
			return problems;
		}
		boolean apiJar = false;
		List<String> present = new ArrayList<>();
		try (ZipFile zip = new ZipFile(omod)) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				String name = entry.getName();
				present.add(name);
				if (name.endsWith(".class")) {
					checkClass(name, "", readAll(zip.getInputStream(entry)), problems);
				} else if (name.startsWith("lib/") && name.endsWith(".jar")) {
					String jarName = name.substring("lib/".length());
					if (jarName.startsWith("webhooks-api-")) {
						apiJar = true;
					}
					for (String prefix : PROVIDED_PREFIXES) {
						if (jarName.toLowerCase(Locale.ROOT).startsWith(prefix)) {
							problems.add(name + ": a library OpenMRS core provides (or a stub) must not be in lib/");
						}
					}
					checkJar(name, zip.getInputStream(entry), problems);
				}
			}
		}
		for (String required : REQUIRED_ENTRIES) {
			if (!present.contains(required)) {
				problems.add(required + ": missing at the root of the .omod");
			}
		}
		if (!apiJar) {
			problems.add("lib/webhooks-api-*.jar: missing");
		}
		return problems;
	}

	private static void checkJar(String jarPath, InputStream in, List<String> problems) throws IOException {
		try (JarInputStream jar = new JarInputStream(in)) {
			for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
				if (entry.getName().endsWith(".class")) {
					checkClass(entry.getName(), jarPath + "!/", readAll(jar), problems);
				}
			}
		}
	}

	private static void checkClass(String name, String where, byte[] bytes, List<String> problems) throws IOException {
		if (name.endsWith("module-info.class") || name.startsWith("META-INF/versions/")) {
			return;
		}
		if (where.isEmpty() && name.startsWith("org/openmrs/") && !name.startsWith("org/openmrs/module/webhooks/")) {
			problems.add(name + ": an OpenMRS class must come from OpenMRS at run time, not from the .omod");
		}
		if (where.startsWith("lib/webhooks-api-") && name.startsWith("org/openmrs/")
		        && !name.startsWith("org/openmrs/module/webhooks/")) {
			problems.add(where + name + ": an OpenMRS class must come from OpenMRS at run time, not from the .omod");
		}
		DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
		if (bytes.length < 8 || data.readInt() != 0xCAFEBABE) {
			problems.add(where + name + ": not a class file");
			return;
		}
		data.readUnsignedShort();
		int major = data.readUnsignedShort();
		if (major > JAVA_8_MAJOR) {
			problems.add(where + name + ": class file version " + major + " is newer than Java 8 (52)");
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}
}
