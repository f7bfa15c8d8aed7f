package org.openmrs.module.webhooks.build.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The class file reader: every instruction found, operands and jump targets written out by name and number. */
class ClassTextTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "java.lang.String", "java.lang.Character", "java.util.HashMap",
	        "java.util.concurrent.ConcurrentHashMap", "java.lang.invoke.MethodHandles", "java.util.regex.Pattern" })
	void read_shouldFindEveryInstructionJavapFinds(String className) throws Exception {
		// large JDK classes: switches, wide jumps, invokedynamic, nest members, every kind of constant
		ClassText text = ClassText.read(classFile(className));

		long instructions = text.members().values().stream().mapToLong(ClassText.MemberText::instructions).sum();

		assertThat(instructions).isPositive().isEqualTo(javapInstructions(className));
	}

	@Test
	void read_shouldWriteOperandsByNameAndJumpsByInstructionNumber() {
		Map<String, byte[]> classes = TestBuilds.compile(dir, List.of(), List.of("""
				package org.example;
				public class Switches {
					int small(int x) { switch (x) { case 1: return 10; case 2: return 20; case 3: return 30; default: return 0; } }
					int sparse(int x) { switch (x) { case 1: return 1; case 1000: return 2; default: return 3; } }
					String guarded(Object o) { try { return o.toString(); } catch (RuntimeException e) { return null; } }
					Runnable later() { return () -> small(1); }
				}"""));

		ClassText text = ClassText.read(classes.get("org/example/Switches.class"));

		assertThat(text.name()).isEqualTo("org.example.Switches");
		assertThat(text.members()).containsKeys("method small(I)I", "method lambda$later$0()V");
		assertThat(text.members().get("method lambda$later$0()V").flags()).isEqualTo("private synthetic");
		assertThat(text.members().get("method small(I)I").code()).contains("1: tableswitch default #8, 1 #2, 2 #4, 3 #6",
		    "frame at #2: same");
		assertThat(text.members().get("method sparse(I)I").code()).contains("1: lookupswitch default #6, 1 #2, 1000 #4");
		assertThat(text.members().get("method guarded(Ljava/lang/Object;)Ljava/lang/String;").code()).contains(
		    "1: invokevirtual Method java/lang/Object.toString:()Ljava/lang/String;",
		    "try #0 to #2 catch java/lang/RuntimeException at #3",
		    "frame at #3: same_locals_1_stack_item java/lang/RuntimeException");
		assertThat(text.members().get("method later()Ljava/lang/Runnable;").code()).anyMatch(line -> line.startsWith(
		    "1: invokedynamic InvokeDynamic run:(Lorg/example/Switches;)Ljava/lang/Runnable;"
		            + " MethodHandle REF_invokeStatic Method java/lang/invoke/LambdaMetafactory.metafactory:"));
	}

	@Test
	void read_shouldRefuseWhatIsNotAClassFile() {
		assertThatThrownBy(() -> ClassText.read("not a class file".getBytes(StandardCharsets.UTF_8)))
		        .hasMessageContaining("not a class file");
	}

	private static byte[] classFile(String className) throws Exception {
		try (InputStream in = ClassLoader.getSystemResourceAsStream(className.replace('.', '/') + ".class")) {
			return in.readAllBytes();
		}
	}

	private static long javapInstructions(String className) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		int status = ToolProvider.findFirst("javap").orElseThrow().run(print, print, "-c", "-p", className);
		assertThat(status).isZero();
		return out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.matches("\\s+\\d+: [a-z].*")).count();
	}
}
