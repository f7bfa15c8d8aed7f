package org.openmrs.module.webhooks.stubcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compiled stubs: every public, non-synthetic class file under a directory (or in a jar). Types the
 * module cannot see (package-private helpers, anonymous classes) cannot be linked against, so they
 * are not compared.
 */
final class StubClasses {

	private StubClasses() {
	}

	/** Where the stubs of this module were compiled to (target/classes), found through a stub that always exists. */
	static Path compiledStubsLocation() {
		try {
			return Path.of(org.openmrs.module.ModuleActivator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		} catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static List<TypeSignature> read(Path location) {
		try {
			if (Files.isDirectory(location)) {
				return readTree(location);
			}
			try (FileSystem jar = FileSystems.newFileSystem(location)) {
				return readTree(jar.getPath("/"));
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<TypeSignature> readTree(Path root) throws IOException {
		List<TypeSignature> types = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(StubClasses::isTypeClassFile).toList()) {
				byte[] bytes = Files.readAllBytes(file);
				int flags = ClassFileReader.accessFlags(bytes);
				if ((flags & ClassFileReader.ACC_PUBLIC) != 0 && (flags & ClassFileReader.ACC_SYNTHETIC) == 0) {
					try {
						types.add(ClassFileReader.read(bytes));
					} catch (RuntimeException e) {
						throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
					}
				}
			}
		}
		types.sort(Comparator.comparing(TypeSignature::name));
		return types;
	}

	private static boolean isTypeClassFile(Path file) {
		String name = file.getFileName() == null ? "" : file.getFileName().toString();
		return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class")
				&& Files.isRegularFile(file);
	}
}
