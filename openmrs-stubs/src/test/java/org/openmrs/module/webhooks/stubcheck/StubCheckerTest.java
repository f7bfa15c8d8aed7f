package org.openmrs.module.webhooks.stubcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker against deliberately wrong stubs, compiled at test time under the real OpenMRS names and
 * checked against the real listings: each mistake must be reported, naming the type and member.
 */
class StubCheckerTest {

	private static final String THROW = "{ throw new UnsupportedOperationException(); }";

	private static Map<String, TypeSignature> reference;

	@TempDir
	Path classes;

	@BeforeAll
	static void readReference() {
		reference = ReferenceListings.fromClasspath();
	}

	private List<String> problemsOf(String... sources) {
		return new StubChecker(reference).check(StubClasses.read(StubCompiler.compile(classes, sources)));
	}

	@Test
	void check_shouldAcceptStubsThatMatchTheReference() {
		List<String> problems = problemsOf("""
				package org.openmrs.api.context;
				public class Context {
					public static <T> T getService(Class<? extends T> type) %1$s
					public static <T> java.util.List<T> getRegisteredComponents(Class<T> type) %1$s
					public static void addProxyPrivilege(String privilege) %1$s
					public static void openSession() %1$s
				}""".formatted(THROW), """
				package org.openmrs.api.context;
				public final class Daemon {
					private Daemon() {}
					public static void runInDaemonThreadAndWait(Runnable work, org.openmrs.module.DaemonToken token) %s
				}""".formatted(THROW), """
				package org.openmrs.module.webservices.rest.web;
				public class RestConstants {
					public static final String VERSION_1 = "v1";
					public static Integer MAX_RESULTS_DEFAULT;
				}""", """
				package org.openmrs.module.webservices.rest.web.annotation;
				import java.lang.annotation.*;
				@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE)
				public @interface Resource {
					String name(); Class<?> supportedClass(); String[] supportedOpenmrsVersions() default {}; int order() default 100;
				}""", """
				package org.openmrs;
				public class PatientIdentifier implements java.io.Serializable, Comparable<PatientIdentifier> {
					private static final long serialVersionUID = 1L;
					public PatientIdentifier() %1$s
					public int compareTo(PatientIdentifier other) %1$s
				}""".formatted(THROW));

		assertThat(problems).isEmpty();
	}

	@Test
	void check_shouldReportAStaticMethodStubbedAsInstanceMethod() {
		List<String> problems = problemsOf("""
				package org.openmrs.api.context;
				public class Context {
					public <T> java.util.List<T> getRegisteredComponents(Class<T> type) %s
				}""".formatted(THROW));

		assertThat(problems).containsExactly("org.openmrs.api.context.Context.getRegisteredComponents(Ljava/lang/Class;)"
				+ "Ljava/util/List; is static in the reference but not in the stub");
	}

	@Test
	void check_shouldReportAnInstanceMethodStubbedAsStatic() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public class DaemonToken {
					public DaemonToken(String id) %1$s
					public static String getId() %1$s
				}""".formatted(THROW));

		assertThat(problems).containsExactly(
				"org.openmrs.module.DaemonToken.getId()Ljava/lang/String; is static in the stub but not in the reference");
	}

	@Test
	void check_shouldReportAWrongReturnType() {
		List<String> problems = problemsOf("""
				package org.openmrs;
				public class Visit {
					public int getId() %s
				}""".formatted(THROW));

		assertThat(problems).containsExactly("org.openmrs.Visit.getId()I is not in the reference"
				+ " (the reference has org.openmrs.Visit.getId()Ljava/lang/Integer;)");
	}

	@Test
	void check_shouldReportAWrongParameterType() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public interface DaemonTokenAware {
					void setDaemonToken(String token);
				}""");

		assertThat(problems).containsExactly("org.openmrs.module.DaemonTokenAware.setDaemonToken(Ljava/lang/String;)V"
				+ " is not in the reference (the reference has"
				+ " org.openmrs.module.DaemonTokenAware.setDaemonToken(Lorg/openmrs/module/DaemonToken;)V)");
	}

	@Test
	void check_shouldReportAMemberTheReferenceDoesNotHave() {
		List<String> problems = problemsOf("""
				package org.openmrs.api.context;
				public class Context {
					public static void openSessionEverywhere() %s
				}""".formatted(THROW));

		assertThat(problems).containsExactly("org.openmrs.api.context.Context.openSessionEverywhere()V is not in the reference");
	}

	@Test
	void check_shouldReportAnImplicitConstructorTheRealClassDoesNotHave() {
		// javac gives a class without constructors a public one; the real Daemon cannot be instantiated
		List<String> problems = problemsOf("""
				package org.openmrs.api.context;
				public final class Daemon {
					public static boolean isDaemonThread() %s
				}""".formatted(THROW));

		assertThat(problems).containsExactly("org.openmrs.api.context.Daemon.<init>()V is not in the reference");
	}

	@Test
	void check_shouldReportAnInterfaceStubbedAsClass() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public abstract class ModuleActivator {
					protected ModuleActivator() {}
					public abstract void started();
				}""");

		assertThat(problems).contains(
				"stub type org.openmrs.module.ModuleActivator is an abstract class but an interface in the reference");
	}

	@Test
	void check_shouldReportAnAbstractClassStubbedAsConcreteClass() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public class BaseModuleActivator implements ModuleActivator {
					public void willRefreshContext() {}
					public void contextRefreshed() {}
					public void willStart() {}
					public void started() {}
					public void willStop() {}
					public void stopped() {}
				}""");

		assertThat(problems).containsExactly(
				"stub type org.openmrs.module.BaseModuleActivator is a class but an abstract class in the reference");
	}

	@Test
	void check_shouldReportAWrongConstantValue() {
		List<String> problems = problemsOf("""
				package org.openmrs.module.webservices.rest.web;
				public class RestConstants {
					public static final String VERSION_1 = "v2";
				}""");

		assertThat(problems).containsExactly("org.openmrs.module.webservices.rest.web.RestConstants.VERSION_1:Ljava/lang/String;"
				+ " is the constant \"v2\" in the stub but \"v1\" in the reference");
	}

	@Test
	void check_shouldReportAConstantWhoseValueTheReferenceDoesNotShow() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public abstract class Extension {
					public static final String EXTENSION_ID_SEPARATOR = "|";
				}""");

		assertThat(problems).singleElement().asString().startsWith("org.openmrs.module.Extension.EXTENSION_ID_SEPARATOR"
				+ ":Ljava/lang/String; is the constant \"|\" in the stub but the reference shows no value");
	}

	@Test
	void check_shouldAcceptAFinalFieldThatIsNotACompileTimeConstant() {
		// javac does not inline it: the module reads the real field at run time
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public abstract class Extension {
					public static final String EXTENSION_ID_SEPARATOR = String.valueOf('|');
				}""");

		assertThat(problems).isEmpty();
	}

	@Test
	void check_shouldReportARestAnnotationWithoutRuntimeRetention() {
		List<String> problems = problemsOf("""
				package org.openmrs.module.webservices.rest.web.annotation;
				public @interface PropertyGetter {
					String value();
				}""");

		assertThat(problems).containsExactly("stub annotation org.openmrs.module.webservices.rest.web.annotation.PropertyGetter"
				+ " has retention CLASS but OpenMRS reads it at run time: it needs @Retention(RUNTIME)");
	}

	@Test
	void check_shouldReportAnAuthorizedAnnotationWithoutRuntimeRetention() {
		// core reads @Authorized on service methods at run time; without it the privilege check silently vanishes
		List<String> problems = problemsOf("""
				package org.openmrs.annotation;
				import java.lang.annotation.*;
				@Retention(RetentionPolicy.SOURCE)
				public @interface Authorized {
					String[] value() default {};
				}""");

		assertThat(problems).containsExactly("stub annotation org.openmrs.annotation.Authorized has retention SOURCE"
				+ " but OpenMRS reads it at run time: it needs @Retention(RUNTIME)");
	}

	@Test
	void check_shouldReportAStubTypeWithNoReferenceListing() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public interface ModuleInvented {
				}""");

		assertThat(problems).containsExactly("stub type org.openmrs.module.ModuleInvented has no reference listing");
	}

	@Test
	void check_shouldReportAFinalMethodStubbedAsOverridable() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public abstract class Extension {
					public String getModuleId() %s
				}""".formatted(THROW));

		assertThat(problems).containsExactly(
				"org.openmrs.module.Extension.getModuleId()Ljava/lang/String; is final in the reference but not in the stub");
	}

	@Test
	void check_shouldReportAnAbstractMethodStubbedAsConcrete() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public abstract class Extension {
				}""", """
				package org.openmrs.module.web.extension;
				public abstract class AdministrationSectionExt extends org.openmrs.module.Extension {
					public String getTitle() %s
				}""".formatted(THROW));

		assertThat(problems).containsExactly("org.openmrs.module.web.extension.AdministrationSectionExt.getTitle()"
				+ "Ljava/lang/String; is abstract in the reference but not in the stub");
	}

	@Test
	void check_shouldReportAProtectedMemberStubbedAsPublic() {
		List<String> problems = problemsOf("""
				package org.openmrs;
				public class Obs {
					public Integer obsId;
				}""");

		assertThat(problems).containsExactly("org.openmrs.Obs.obsId:Ljava/lang/Integer; is protected in the reference but public in the stub");
	}

	@Test
	void check_shouldReportASupertypeTheRealClassDoesNotHave() {
		List<String> problems = problemsOf("""
				package org.openmrs.module;
				public class DaemonToken implements Cloneable {
					public DaemonToken(String id) %s
				}""".formatted(THROW));

		assertThat(problems).containsExactly("stub type org.openmrs.module.DaemonToken has supertype java.lang.Cloneable,"
				+ " which the reference's org.openmrs.module.DaemonToken does not have");
	}

	@Test
	void check_shouldAcceptASupertypeFurtherUpTheRealHierarchy() {
		// the real chain is ConversionException -> ResponseException -> RuntimeException: skipping a level is fine
		List<String> problems = problemsOf("""
				package org.openmrs.module.webservices.rest.web.response;
				public class ConversionException extends RuntimeException {
					private static final long serialVersionUID = 1L;
					public ConversionException() {}
				}""");

		assertThat(problems).isEmpty();
	}

	@Test
	void check_shouldCompareEnumsWithoutAskingTheListingForValuesAndValueOf() {
		// a hand-written listing of a nested enum, as javap would print it minus the methods javac adds to every enum
		Map<String, TypeSignature> withEnum = new HashMap<>(reference);
		withEnum.put("org.openmrs.module.Extension$MEDIA_TYPE", ReferenceParser.parse(List.of(
				"public final class org.openmrs.module.Extension$MEDIA_TYPE extends java.lang.Enum<org.openmrs.module.Extension$MEDIA_TYPE> {",
				"  public static final org.openmrs.module.Extension$MEDIA_TYPE html;",
				"}")));
		List<TypeSignature> stubs = StubClasses.read(StubCompiler.compile(classes, """
				package org.openmrs.module;
				public abstract class Extension {
					public enum MEDIA_TYPE { html, pdf }
					public abstract MEDIA_TYPE getMediaType();
				}"""));

		List<String> problems = new StubChecker(withEnum).check(stubs);

		assertThat(problems).containsExactly(
				"org.openmrs.module.Extension$MEDIA_TYPE.pdf:Lorg/openmrs/module/Extension$MEDIA_TYPE; is not in the reference");
	}

	@Test
	void check_shouldReportAMemberOnlyTheNewerLineHas() {
		// core 2.8 added the varargs form; a stub offering it would compile and then fail on core 2.5 (NoSuchMethodError)
		List<TypeSignature> stubs = StubClasses.read(StubCompiler.compile(classes, """
				package org.openmrs.api.context;
				public class Context {
					public static void addProxyPrivilege(String... privileges) %s
				}""".formatted(THROW)));

		List<String> newest = new StubChecker(reference).check(stubs);
		List<String> oldest = new StubChecker(ReferenceListings.fromClasspath(ReferenceListings.OLDEST_LINE_DIRECTORY)).check(stubs);

		assertThat(newest).isEmpty();
		assertThat(oldest).containsExactly("org.openmrs.api.context.Context.addProxyPrivilege([Ljava/lang/String;)V"
				+ " is not in the reference (the reference has"
				+ " org.openmrs.api.context.Context.addProxyPrivilege(Ljava/lang/String;)V)");
	}

	@Test
	void check_shouldReportEveryProblemOfEveryStub() {
		List<String> problems = problemsOf("""
				package org.openmrs.api.context;
				public class Context {
					public <T> T getService(Class<? extends T> type) %1$s
					public static boolean isAuthenticated(String user) %1$s
				}""".formatted(THROW), """
				package org.openmrs.module;
				public class ModuleActivator {
				}""");

		assertThat(problems).containsExactly(
				"org.openmrs.api.context.Context.getService(Ljava/lang/Class;)Ljava/lang/Object; is static in the reference but not in the stub",
				"org.openmrs.api.context.Context.isAuthenticated(Ljava/lang/String;)Z is not in the reference"
						+ " (the reference has org.openmrs.api.context.Context.isAuthenticated()Z)",
				"stub type org.openmrs.module.ModuleActivator is a class but an interface in the reference",
				"org.openmrs.module.ModuleActivator.<init>()V is not in the reference");
	}
}
