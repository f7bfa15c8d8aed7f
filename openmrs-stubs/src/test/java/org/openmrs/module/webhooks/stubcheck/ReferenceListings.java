package org.openmrs.module.webhooks.stubcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The javap listings of the real classes ({@code signatures/*.txt}), parsed and keyed by binary class name. */
final class ReferenceListings {

	/** Where the listings are on the test classpath (copied from src/test/resources): core 2.8.9, REST 3.4.1, legacyui 1.23.0. */
	static final String RESOURCE_DIRECTORY = "/signatures";

	/** The same classes in the oldest line the module supports: core 2.5.0, REST 2.51.0, legacyui 1.23.0. */
	static final String OLDEST_LINE_DIRECTORY = "/signatures-2.5";

	/** Both platform lines; a stub must match each. */
	static final List<String> LINE_DIRECTORIES = List.of(RESOURCE_DIRECTORY, OLDEST_LINE_DIRECTORY);

	private ReferenceListings() {
	}

	static Map<String, TypeSignature> fromClasspath() {
		return fromClasspath(RESOURCE_DIRECTORY);
	}

	static Map<String, TypeSignature> fromClasspath(String resourceDirectory) {
		return load(directory(resourceDirectory));
	}

	/** The file system directory of a listing directory on the test classpath, found through its README. */
	static Path directory(String resourceDirectory) {
		try {
			return Path.of(ReferenceListings.class.getResource(resourceDirectory + "/README.md").toURI()).getParent();
		} catch (URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("no listings at " + resourceDirectory + " on the test classpath", e);
		}
	}

	/** Every {@code <binary name>.txt} in the directory; a file whose class is not the one its name says is an error. */
	static Map<String, TypeSignature> load(Path directory) {
		Map<String, TypeSignature> listings = new TreeMap<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
				String fileName = file.getFileName().toString();
				String expectedName = fileName.substring(0, fileName.length() - ".txt".length());
				TypeSignature type;
				try {
					type = ReferenceParser.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
				} catch (IllegalArgumentException e) {
					throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
				}
				if (!type.name().equals(expectedName)) {
					throw new IllegalArgumentException(fileName + " lists " + type.name());
				}
				listings.put(type.name(), type);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return listings;
	}
}
