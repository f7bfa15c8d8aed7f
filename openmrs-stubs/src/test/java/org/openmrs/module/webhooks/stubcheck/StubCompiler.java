package org.openmrs.module.webhooks.stubcheck;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles stub sources at test time, so that tests can show the checker real class files of wrong stubs
 * under the real OpenMRS names without putting those wrong stubs where the build would ship or check them.
 * Compiled like the stubs module compiles its main code (Java 8), against the real stubs.
 */
final class StubCompiler {

	private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"\\bpublic\\s+(?:(?:abstract|final)\\s+)*(?:class|interface|enum|@interface)\\s+(\\w+)");

	private StubCompiler() {
	}

	/** Compiles each source (one public top-level type per source) into {@code outputDirectory}. */
	static Path compile(Path outputDirectory, String... sources) {
		List<JavaFileObject> units = new ArrayList<>();
		for (String source : sources) {
			units.add(new Source(binaryName(source), source));
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		List<String> options = List.of("--release", "8", "-proc:none", "-Xlint:-options", "-d", outputDirectory.toString(),
				"-classpath", StubClasses.compiledStubsLocation().toString());
		if (!javac.getTask(null, null, diagnostics, options, null, units).call()) {
			throw new IllegalArgumentException("test stub does not compile: " + diagnostics.getDiagnostics());
		}
		return outputDirectory;
	}

	private static String binaryName(String source) {
		Matcher packageName = PACKAGE.matcher(source);
		Matcher typeName = PUBLIC_TYPE.matcher(source);
		if (!packageName.find() || !typeName.find()) {
			throw new IllegalArgumentException("a test stub needs a package and a public type: " + source);
		}
		return packageName.group(1) + "." + typeName.group(1);
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
