package org.openmrs.module.webhooks.stubcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The build gate: every compiled stub must match the real OpenMRS class it stands for, in both platform lines
 * the module supports (see src/test/resources/signatures/README.md). A stub that differs compiles, and then
 * fails in production.
 */
class StubSignaturesTest {

	static final List<String> LINES = ReferenceListings.LINE_DIRECTORIES;

	@ParameterizedTest
	@FieldSource("LINES")
	void stubs_shouldMatchTheRealOpenMrsSignatures(String line) {
		List<TypeSignature> stubs = StubClasses.read(StubClasses.compiledStubsLocation());

		List<String> problems = new StubChecker(ReferenceListings.fromClasspath(line)).check(stubs);

		assertThat(problems)
				.withFailMessage(() -> problems.size() + " problem(s): stubs differ from the real OpenMRS classes"
						+ " (src/test/resources" + line + "); fix the stub, the listing is right:\n  "
						+ String.join("\n  ", problems))
				.isEmpty();
	}

	@Test
	void stubs_shouldBeFoundWhereTheBuildCompiledThem() {
		// guards the gate above against passing because it looked in the wrong place and saw nothing
		List<String> names = StubClasses.read(StubClasses.compiledStubsLocation()).stream().map(TypeSignature::name).toList();

		assertThat(names).contains("org.openmrs.module.ModuleActivator", "org.openmrs.module.BaseModuleActivator",
				"org.openmrs.module.DaemonToken", "org.openmrs.module.DaemonTokenAware", "org.openmrs.api.context.Context",
				"org.openmrs.module.webservices.rest.web.resource.impl.DelegatingResourceHandler");
		assertThat(names).noneMatch(name -> name.startsWith("org.openmrs.module.webhooks.stubcheck"));
	}

	@ParameterizedTest
	@FieldSource("LINES")
	void referenceListings_shouldAllBeReadIntoEveryDeclaredMember(String lineDirectory) throws Exception {
		Path directory = ReferenceListings.directory(lineDirectory);
		Map<String, TypeSignature> listings = ReferenceListings.load(directory);

		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
				String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
				// a declaration is a line ending in ';' once a '//' note is cut off; none may be dropped silently
				long declarations = Files.readAllLines(file).stream().map(line -> ReferenceParser.withoutComment(line).trim())
						.filter(text -> text.endsWith(";") && !text.equals("static {};")).count();
				assertThat(listings.get(name).members()).as(name).hasSize((int) declarations);
			}
		}
		assertThat(listings).hasSizeGreaterThanOrEqualTo(96);
	}

	@Test
	void referenceListings_shouldListTheSameTypesForBothLines() {
		// a stub type checked against one line only could differ, unseen, in the other
		assertThat(ReferenceListings.fromClasspath(ReferenceListings.OLDEST_LINE_DIRECTORY).keySet())
				.containsExactlyElementsOf(ReferenceListings.fromClasspath(ReferenceListings.RESOURCE_DIRECTORY).keySet());
	}
}
