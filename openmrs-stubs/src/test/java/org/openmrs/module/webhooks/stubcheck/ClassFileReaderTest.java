package org.openmrs.module.webhooks.stubcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class file reader on compiled samples: what it keeps, what it drops, and how it reads each thing. */
class ClassFileReaderTest {

	@TempDir
	Path classes;

	private Map<String, TypeSignature> compile(String... sources) {
		return StubClasses.read(StubCompiler.compile(classes, sources)).stream()
				.collect(Collectors.toMap(TypeSignature::name, Function.identity()));
	}

	@Test
	void read_shouldGiveErasedDescriptorsAndFlagsOfPublicAndProtectedMembers() {
		TypeSignature sample = compile("""
				package org.x;
				public abstract class Sample<T extends Number> implements Comparable<Sample<T>>, java.io.Serializable {
					private static final long serialVersionUID = 1L;
					protected volatile int counter;
					public abstract T first(java.util.List<? extends T> values, String... more);
					public static <E> E[] copy(E[] values, int[][] grid) { return values; }
					public final int compareTo(Sample<T> other) { return 0; }
					void packagePrivate() {}
					private void hidden() {}
				}""").get("org.x.Sample");

		assertThat(sample.kind()).isEqualTo(TypeKind.ABSTRACT_CLASS);
		assertThat(sample.superclass()).isEqualTo("java.lang.Object");
		assertThat(sample.interfaces()).containsExactly("java.lang.Comparable", "java.io.Serializable");
		// no serialVersionUID, package-private or private members, and no bridge compareTo(Object)
		assertThat(sample.members()).extracting(Member::key).containsExactlyInAnyOrder("counter:I", "<init>()V",
				"first(Ljava/util/List;[Ljava/lang/String;)Ljava/lang/Number;", "copy([Ljava/lang/Object;[[I)[Ljava/lang/Object;",
				"compareTo(Lorg/x/Sample;)I");
		assertThat(sample.member("counter:I")).hasValueSatisfying(counter -> {
			assertThat(counter.access()).isEqualTo(Access.PROTECTED);
			assertThat(counter.isStatic()).isFalse();
		});
		assertThat(sample.member("copy([Ljava/lang/Object;[[I)[Ljava/lang/Object;")).hasValueSatisfying(m -> assertThat(m.isStatic()).isTrue());
		assertThat(sample.member("first(Ljava/util/List;[Ljava/lang/String;)Ljava/lang/Number;"))
				.hasValueSatisfying(m -> assertThat(m.isAbstract()).isTrue());
		assertThat(sample.member("compareTo(Lorg/x/Sample;)I")).hasValueSatisfying(m -> assertThat(m.isFinal()).isTrue());
	}

	@Test
	void read_shouldGiveTheValuesJavacInlines() {
		TypeSignature constants = compile("""
				package org.x;
				public interface Constants {
					String TEXT = "a\\"b\\n|";
					int INT = 42;
					long LONG = 42L;
					float FLOAT = 1.5f;
					double DOUBLE = 0.5;
					boolean FLAG = true;
					char CHAR = '|';
					String NOT_CONSTANT = String.valueOf("x");
				}""").get("org.x.Constants");

		Map<String, Object> values = constants.members().stream().filter(m -> m.constantValue() != null)
				.collect(Collectors.toMap(Member::name, Member::constantValue));

		assertThat(values).containsOnly(entry("TEXT", "a\"b\n|"), entry("INT", 42), entry("LONG", 42L), entry("FLOAT", 1.5f),
				entry("DOUBLE", 0.5d), entry("FLAG", true), entry("CHAR", '|'));
		assertThat(constants.member("NOT_CONSTANT:Ljava/lang/String;")).hasValueSatisfying(m -> {
			assertThat(m.isStatic()).isTrue();
			assertThat(m.isFinal()).isTrue();
		});
	}

	@Test
	void read_shouldTellKindsApart() {
		Map<String, TypeSignature> types = compile("""
				package org.x;
				public final class Holder {
					private Holder() {}
					public enum Media { html }
					public interface Service { void run(); default int order() { return 0; } static Service none() { return null; } }
				}""");

		assertThat(types.get("org.x.Holder").kind()).isEqualTo(TypeKind.FINAL_CLASS);
		assertThat(types.get("org.x.Holder").members()).isEmpty();
		TypeSignature media = types.get("org.x.Holder$Media");
		assertThat(media.kind()).isEqualTo(TypeKind.ENUM);
		assertThat(media.superclass()).isEqualTo("java.lang.Enum");
		assertThat(media.members()).extracting(Member::key).containsExactlyInAnyOrder("html:Lorg/x/Holder$Media;",
				"values()[Lorg/x/Holder$Media;", "valueOf(Ljava/lang/String;)Lorg/x/Holder$Media;");
		TypeSignature service = types.get("org.x.Holder$Service");
		assertThat(service.kind()).isEqualTo(TypeKind.INTERFACE);
		assertThat(service.superclass()).isNull();
		assertThat(service.member("run()V")).hasValueSatisfying(m -> assertThat(m.isAbstract()).isTrue());
		assertThat(service.member("order()I")).hasValueSatisfying(m -> assertThat(m.isAbstract()).isFalse());
		assertThat(service.member("none()Lorg/x/Holder$Service;")).hasValueSatisfying(m -> assertThat(m.isStatic()).isTrue());
	}

	@Test
	void read_shouldSkipTypesTheModuleCannotSee() {
		Map<String, TypeSignature> types = compile("""
				package org.x;
				public class Visible {
					private static class Hidden {}
					public Runnable task() { return new Runnable() { public void run() {} }; }
				}
				class PackagePrivate {}""");

		assertThat(types).containsOnlyKeys("org.x.Visible");
	}

	@Test
	void read_shouldGiveTheSameRetentionAsReflection() throws Exception {
		compile("""
				package org.x;
				import java.lang.annotation.*;
				@Documented @Target({ElementType.TYPE, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)
				public @interface Runtime { String[] value() default {"a"}; }""", """
				package org.x;
				public @interface Unspecified { Class<?> type() default Object.class; }""", """
				package org.x;
				@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
				public @interface Explicit {}""", """
				package org.x;
				@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.SOURCE)
				public @interface Source {}""");

		List<TypeSignature> annotations = StubClasses.read(classes);
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() })) {
			assertThat(annotations).hasSize(4).allSatisfy(annotation -> {
				assertThat(annotation.kind()).isEqualTo(TypeKind.ANNOTATION);
				assertThat(annotation.retention()).as(annotation.name()).isEqualTo(reflectedRetention(loader, annotation.name()));
			});
		}
		assertThat(annotations).extracting(TypeSignature::retention)
				.containsExactlyInAnyOrder(RetentionPolicy.RUNTIME, RetentionPolicy.CLASS, RetentionPolicy.CLASS, RetentionPolicy.SOURCE);
	}

	@Test
	void read_shouldGiveTheSameRetentionAsReflectionForTheRealStubs() throws Exception {
		for (TypeSignature stub : StubClasses.read(StubClasses.compiledStubsLocation())) {
			if (stub.kind() == TypeKind.ANNOTATION) {
				assertThat(stub.retention()).as(stub.name()).isEqualTo(reflectedRetention(getClass().getClassLoader(), stub.name()));
			}
		}
	}

	private static RetentionPolicy reflectedRetention(ClassLoader loader, String name) throws ClassNotFoundException {
		Retention retention = Class.forName(name, false, loader).getAnnotation(Retention.class);
		return retention == null ? RetentionPolicy.CLASS : retention.value();
	}
}
