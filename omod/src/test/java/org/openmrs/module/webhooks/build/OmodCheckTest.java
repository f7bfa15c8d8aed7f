package org.openmrs.module.webhooks.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmrs.module.webhooks.WebhooksConstants;

class OmodCheckTest {

	@TempDir
	File dir;

	/** A real Java 8 class file: the api is compiled with --release 8. */
	private static final byte[] JAVA8_CLASS = classBytes(WebhooksConstants.class);

	/** A real Java 17 class file: tests are compiled with --release 17. */
	private static final byte[] JAVA17_CLASS = classBytes(OmodCheckTest.class);

	@Test
	void check_shouldPassAWellFormedOmod() throws IOException {
		File omod = omod(good());

		assertThat(OmodCheck.check(omod)).isEmpty();
	}

	@Test
	void check_shouldNameALeakedOpenMrsClass() throws IOException {
		Map<String, byte[]> entries = good();
		entries.put("org/openmrs/Patient.class", JAVA8_CLASS);

		assertThat(OmodCheck.check(omod(entries))).singleElement().asString().startsWith("org/openmrs/Patient.class");
	}

	@Test
	void check_shouldNameALeakedOpenMrsClassInsideTheApiJar() throws IOException {
		Map<String, byte[]> entries = good();
		entries.put("lib/webhooks-api-1.0.0.jar", jar("org/openmrs/api/context/Context.class", JAVA8_CLASS));

		assertThat(OmodCheck.check(omod(entries))).singleElement().asString()
		        .contains("lib/webhooks-api-1.0.0.jar!/org/openmrs/api/context/Context.class");
	}

	@Test
	void check_shouldNameAProvidedLibraryInLib() throws IOException {
		Map<String, byte[]> entries = good();
		entries.put("lib/spring-core-5.2.14.RELEASE.jar", jar("org/springframework/Foo.class", JAVA8_CLASS));
		entries.put("lib/webhooks-openmrs-stubs-1.0.0.jar", jar("x/Y.class", JAVA8_CLASS));

		assertThat(OmodCheck.check(omod(entries))).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("lib/spring-core"))
		        .anySatisfy(p -> assertThat(p).startsWith("lib/webhooks-openmrs-stubs"));
	}

	@Test
	void check_shouldNameAClassNewerThanJava8_atTheRootAndInLibJars() throws IOException {
		Map<String, byte[]> entries = good();
		entries.put("org/openmrs/module/webhooks/web/New.class", JAVA17_CLASS);
		entries.put("lib/some-lib-1.0.jar", jar("com/example/New.class", JAVA17_CLASS));

		assertThat(OmodCheck.check(omod(entries))).containsExactlyInAnyOrder(
		    "org/openmrs/module/webhooks/web/New.class: class file version 61 is newer than Java 8 (52)",
		    "lib/some-lib-1.0.jar!/com/example/New.class: class file version 61 is newer than Java 8 (52)");
	}

	@Test
	void check_shouldIgnoreModuleInfoAndMultiReleaseEntries() throws IOException {
		Map<String, byte[]> entries = good();
		entries.put("lib/some-lib-1.0.jar",
		    jar("META-INF/versions/11/com/example/New.class", JAVA17_CLASS, "module-info.class", JAVA17_CLASS));

		assertThat(OmodCheck.check(omod(entries))).isEmpty();
	}

	@Test
	void check_shouldNameMissingModuleFiles() throws IOException {
		Map<String, byte[]> entries = good();
		entries.remove("liquibase.xml");
		entries.remove("lib/webhooks-api-1.0.0.jar");

		assertThat(OmodCheck.check(omod(entries))).containsExactlyInAnyOrder(
		    "liquibase.xml: missing at the root of the .omod", "lib/webhooks-api-*.jar: missing");
	}

	@Test
	void main_shouldFailTheBuildListingTheProblems() throws IOException {
		Map<String, byte[]> entries = good();
		entries.put("org/openmrs/Obs.class", JAVA8_CLASS);
		String path = omod(entries).getPath();

		assertThatThrownBy(() -> OmodCheck.main(new String[] { path })).isInstanceOf(IllegalStateException.class)
		        .hasMessageContaining("org/openmrs/Obs.class");
	}

	private Map<String, byte[]> good() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("config.xml", "<module/>".getBytes("UTF-8"));
		entries.put("moduleApplicationContext.xml", "<beans/>".getBytes("UTF-8"));
		entries.put("liquibase.xml", "<databaseChangeLog/>".getBytes("UTF-8"));
		entries.put("messages.properties", "a=b".getBytes("UTF-8"));
		entries.put("org/openmrs/module/webhooks/web/Ok.class", JAVA8_CLASS);
		entries.put("lib/webhooks-api-1.0.0.jar", jar("org/openmrs/module/webhooks/Ok.class", JAVA8_CLASS));
		entries.put("lib/httpclient5-5.5.1.jar", jar("org/apache/hc/Ok.class", JAVA8_CLASS));
		return entries;
	}

	private File omod(Map<String, byte[]> entries) throws IOException {
		File file = new File(dir, "test-" + System.nanoTime() + ".omod");
		try (FileOutputStream out = new FileOutputStream(file)) {
			out.write(zip(entries));
		}
		return file;
	}

	private static byte[] jar(Object... nameThenBytes) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 0; i < nameThenBytes.length; i += 2) {
			entries.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
		}
		return zip(entries);
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static byte[] classBytes(Class<?> type) {
		try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
