package org.openmrs.module.webhooks.stubcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The build gate: every compiled stub must match the real OpenMRS class it stands for (see
 * src/test/resources/signatures/README.md). A stub that differs compiles, and then fails in production.
 */
class StubSignaturesTest {

	@Test
	void stubs_shouldMatchTheRealOpenMrsSignatures() {
		List<TypeSignature> stubs = StubClasses.read(StubClasses.compiledStubsLocation());

		List<String> problems = new StubChecker(ReferenceListings.fromClasspath()).check(stubs);

		assertThat(problems)
				.withFailMessage(() -> problems.size() + " problem(s): stubs differ from the real OpenMRS classes"
						+ " (src/test/resources/signatures); fix the stub, the listing is right:\n  "
						+ String.join("\n  ", problems))
				.isEmpty();
	}

	@Test
	void stubs_shouldBeFoundWhereTheBuildCompiledThem() {
		// guards the gate above against passing because it looked in the wrong place and saw nothing
		List<String> names = StubClasses.read(StubClasses.compiledStubsLocation()).stream().map(TypeSignature::name).toList();

		assertThat(names).contains("org.openmrs.module.ModuleActivator", "org.openmrs.module.BaseModuleActivator",
				"org.openmrs.module.DaemonToken", "org.openmrs.module.DaemonTokenAware", "org.openmrs.api.context.Context");
		assertThat(names).noneMatch(name -> name.startsWith("org.openmrs.module.webhooks.stubcheck"));
	}

	@Test
	void referenceListings_shouldAllBeReadIntoEveryDeclaredMember() throws Exception {
		Path directory = Path.of(getClass().getResource(ReferenceListings.RESOURCE_DIRECTORY + "/README.md").toURI()).getParent();
		Map<String, TypeSignature> listings = ReferenceListings.load(directory);

		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
				String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
				// a declaration is a line ending in ';' once a '//' note is cut off; none may be dropped silently
				long declarations = Files.readAllLines(file).stream().map(line -> ReferenceParser.withoutComment(line).trim())
						.filter(line -> line.endsWith(";") && !line.equals("static {};")).count();
				assertThat(listings.get(name).members()).as(name).hasSize((int) declarations);
			}
		}
		assertThat(listings).hasSizeGreaterThanOrEqualTo(85);
	}
}
