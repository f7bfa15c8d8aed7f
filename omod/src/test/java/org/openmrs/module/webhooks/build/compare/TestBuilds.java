package org.openmrs.module.webhooks.build.compare;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Small builds for the comparison's tests: sources compiled with javac at test time (Java 8, as the module
 * ships), the way the module is compiled once against the stubs and once against the real jars; and zips laid
 * out like a .omod.
 */
final class TestBuilds {

	private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");

	private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|@interface)\\s+(\\w+)");

	private TestBuilds() {
	}

	/**
	 * Compiles {@code library} (what the module compiles against: a stub or a real jar) and then {@code ours}
	 * against it, into {@code directory}; returns our class files only (name to bytes), as a .omod holds them.
	 */
	static Map<String, byte[]> compile(Path directory, List<String> library, List<String> ours, String... options) {
		Path libraryClasses = directory.resolve("library");
		Path ourClasses = directory.resolve("ours");
		javac(libraryClasses, List.of(), library);
		javac(ourClasses, List.of(libraryClasses), ours, options);
		return classFiles(ourClasses);
	}

	private static void javac(Path output, List<Path> classpath, List<String> sources, String... extraOptions) {
		try {
			Files.createDirectories(output);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (sources.isEmpty()) {
			return;
		}
		List<JavaFileObject> units = new ArrayList<>();
		for (String source : sources) {
			units.add(new Source(binaryName(source), source));
		}
		List<String> options = new ArrayList<>(List.of("--release", "8", "-proc:none", "-Xlint:-options", "-d", output.toString()));
		if (!classpath.isEmpty()) {
			options.add("-classpath");
			options.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
		}
		options.addAll(List.of(extraOptions));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		if (!compiler.getTask(null, null, diagnostics, options, null, units).call()) {
			throw new IllegalArgumentException("test source does not compile: " + diagnostics.getDiagnostics());
		}
	}

	private static Map<String, byte[]> classFiles(Path root) {
		Map<String, byte[]> classes = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
				classes.put(root.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return classes;
	}

	/** A zip of these entries, in this order, each with this modification time. */
	static byte[] zip(Map<String, byte[]> entries, long time) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				ZipEntry zipEntry = new ZipEntry(entry.getKey());
				zipEntry.setTime(time);
				zip.putNextEntry(zipEntry);
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	static Path write(Path file, byte[] bytes) {
		try {
			return Files.write(file, bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String binaryName(String source) {
		Matcher packageName = PACKAGE.matcher(source);
		Matcher typeName = TYPE.matcher(source);
		if (!typeName.find()) {
			throw new IllegalArgumentException("a test source needs a type: " + source);
		}
		return (packageName.find() ? packageName.group(1) + "." : "") + typeName.group(1);
	}

	private static final class Source extends SimpleJavaFileObject {

		private final String text;

		Source(String binaryName, String text) {
			super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
			this.text = text;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return text;
		}
	}
}
