package org.openmrs.module.webhooks.stubcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The listing parser on lines taken from the real listings, the tricky ones first. */
class ReferenceParserTest {

	private static final ReferenceParser.Header CONTEXT = ReferenceParser.parseHeader("public class org.openmrs.api.context.Context {");

	private static Member member(String line) {
		return MemberLineParser.parse(line, CONTEXT);
	}

	@Test
	void parseMember_shouldEraseAMethodTypeVariableToObject() {
		Member getService = member("public static <T> T getService(java.lang.Class<? extends T>);");

		assertThat(getService.key()).isEqualTo("getService(Ljava/lang/Class;)Ljava/lang/Object;");
		assertThat(getService.isStatic()).isTrue();
	}

	@Test
	void parseMember_shouldDropGenericArgumentsOfParameterAndReturnTypes() {
		assertThat(member("public static <T> java.util.List<T> getRegisteredComponents(java.lang.Class<T>);").key())
				.isEqualTo("getRegisteredComponents(Ljava/lang/Class;)Ljava/util/List;");
		assertThat(member("public abstract java.util.Map<java.lang.String, java.lang.String> getLinks();").key())
				.isEqualTo("getLinks()Ljava/util/Map;");
	}

	@Test
	void parseMember_shouldEraseABoundedTypeVariableToItsFirstBound() {
		assertThat(member("public static <E extends java.lang.Comparable<E>> int compareWithNullAsLowest(E, E);").key())
				.isEqualTo("compareWithNullAsLowest(Ljava/lang/Comparable;Ljava/lang/Comparable;)I");
		assertThat(member("public static <T extends java.lang.Number & java.lang.Comparable<T>> T max(T);").key())
				.isEqualTo("max(Ljava/lang/Number;)Ljava/lang/Number;");
	}

	@Test
	void parseMember_shouldEraseATypeVariableBoundByAnotherToThatOnesErasure() {
		assertThat(member("public static <Arg1, Arg2 extends Arg1> boolean nullSafeEquals(Arg1, Arg2);").key())
				.isEqualTo("nullSafeEquals(Ljava/lang/Object;Ljava/lang/Object;)Z");
		assertThat(member("public static <K, V> void addToSetMap(java.util.Map<K, java.util.Set<V>>, K, V);").key())
				.isEqualTo("addToSetMap(Ljava/util/Map;Ljava/lang/Object;Ljava/lang/Object;)V");
	}

	@Test
	void parseMember_shouldEraseTypeVariablesOfTheClass() {
		ReferenceParser.Header subResource = ReferenceParser.parseHeader("public abstract class "
				+ "org.openmrs.module.webservices.rest.web.resource.impl.DelegatingSubResource<T, P, PR extends "
				+ "org.openmrs.module.webservices.rest.web.resource.impl.DelegatingCrudResource<P>> extends "
				+ "org.openmrs.module.webservices.rest.web.resource.impl.BaseDelegatingResource<T> implements "
				+ "org.openmrs.module.webservices.rest.web.resource.api.SubResource {");

		assertThat(MemberLineParser.parse("public abstract P getParent(T);", subResource).key())
				.isEqualTo("getParent(Ljava/lang/Object;)Ljava/lang/Object;");
		assertThat(MemberLineParser.parse("public abstract PR getParentResource();", subResource).key())
				.isEqualTo("getParentResource()Lorg/openmrs/module/webservices/rest/web/resource/impl/DelegatingCrudResource;");
	}

	@Test
	void parseMember_shouldLetAMethodTypeVariableHideTheClassOne() {
		ReferenceParser.Header paged = ReferenceParser.parseHeader("public class org.x.Paged<T extends java.lang.Number> {");

		assertThat(MemberLineParser.parse("public T first();", paged).key()).isEqualTo("first()Ljava/lang/Number;");
		assertThat(MemberLineParser.parse("public <T> void setValue(T);", paged).key())
				.isEqualTo("setValue(Ljava/lang/Object;)V");
	}

	@Test
	void parseMember_shouldReadVarargsAsArrays() {
		assertThat(member("public static void addProxyPrivilege(java.lang.String...);").key())
				.isEqualTo("addProxyPrivilege([Ljava/lang/String;)V");
		assertThat(member("public static void updateSearchIndex(java.lang.Class<?>...);").key())
				.isEqualTo("updateSearchIndex([Ljava/lang/Class;)V");
	}

	@Test
	void parseMember_shouldReadArraysOfPrimitivesAndObjects() {
		assertThat(member("public static byte[] getFileAsBytes(java.io.File) throws java.io.IOException;").key())
				.isEqualTo("getFileAsBytes(Ljava/io/File;)[B");
		assertThat(member("public org.openmrs.api.context.Context(java.lang.String, java.lang.Object[][], int[]);").descriptor())
				.isEqualTo("(Ljava/lang/String;[[Ljava/lang/Object;[I)V");
	}

	@Test
	void parseMember_shouldKeepNestedTypesWithDollar() {
		assertThat(member("public void setStatus(org.openmrs.Obs$Status);").key()).isEqualTo("setStatus(Lorg/openmrs/Obs$Status;)V");
		assertThat(member("public java.util.Set<java.util.Map$Entry<K, V>> entries();").key())
				.isEqualTo("entries()Ljava/util/Set;");
		// a member type of a parameterized type is printed with a dot after the arguments
		assertThat(member("public org.x.Outer<java.lang.String>.Inner inner();").key()).isEqualTo("inner()Lorg/x/Outer$Inner;");
	}

	@Test
	void parseMember_shouldIgnoreThrowsClausesAndSynchronized() {
		Member startup = member("public static synchronized void startup(java.lang.String, java.lang.String, java.lang.String, "
				+ "java.util.Properties) throws org.openmrs.util.DatabaseUpdateException, "
				+ "org.openmrs.util.InputRequiredException, org.openmrs.module.ModuleMustStartException;");

		assertThat(startup.key()).isEqualTo("startup(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/util/Properties;)V");
		assertThat(startup.isStatic()).isTrue();
	}

	@Test
	void parseMember_shouldReadConstructorsAsInit() {
		ReferenceParser.Header token = ReferenceParser.parseHeader(
				"public class org.openmrs.module.DaemonToken implements java.io.Serializable {");

		Member constructor = MemberLineParser.parse("public org.openmrs.module.DaemonToken(java.lang.String);", token);

		assertThat(constructor.key()).isEqualTo("<init>(Ljava/lang/String;)V");
		assertThat(constructor.isStatic()).isFalse();
	}

	@Test
	void parseMember_shouldReadModifiersAndAccess() {
		Member handlers = member("protected volatile java.util.List<org.x.Handler<T, ? extends T>> subclassHandlers;");
		Member toString = member("public final java.lang.String toString();");
		Member title = member("public abstract java.lang.String getTitle();");

		assertThat(handlers.key()).isEqualTo("subclassHandlers:Ljava/util/List;");
		assertThat(handlers.access()).isEqualTo(Access.PROTECTED);
		assertThat(toString.isFinal()).isTrue();
		assertThat(title.isAbstract()).isTrue();
		assertThat(member("java.lang.String packageLevel();").access()).isEqualTo(Access.PACKAGE);
	}

	@Test
	void parseMember_shouldReadConstantValues() {
		assertThat(member("public static final java.lang.String VERSION_1 = \"v1\";").constantValue()).isEqualTo("v1");
		assertThat(member("public static final java.lang.String URI = \"http://x/y; z\";").constantValue()).isEqualTo("http://x/y; z");
		assertThat(member("public static final java.lang.String ESCAPED = \"a\\\"b\\\\c\\n\\u00e9\";").constantValue())
				.isEqualTo("a\"b\\c\né");
		assertThat(member("public static final int SIZE = 42;").constantValue()).isEqualTo(42);
		assertThat(member("public static final long serialVersionUID = -12l;").constantValue()).isEqualTo(-12L);
		assertThat(member("public static final float RATIO = 1.5f;").constantValue()).isEqualTo(1.5f);
		assertThat(member("public static final double HALF = 0.5d;").constantValue()).isEqualTo(0.5d);
		assertThat(member("public static final boolean ON = true;").constantValue()).isEqualTo(true);
		assertThat(member("public static final char SEPARATOR = '|';").constantValue()).isEqualTo('|');
	}

	@Test
	void parseMember_shouldLeaveTheValueOfAConstantWithoutOneUnknown() {
		Member separator = member("public static final java.lang.String EXTENSION_ID_SEPARATOR;");

		assertThat(separator.key()).isEqualTo("EXTENSION_ID_SEPARATOR:Ljava/lang/String;");
		assertThat(separator.constantValue()).isNull();
	}

	@Test
	void parseHeader_shouldReadTheKindAndSupertypes() {
		TypeSignature annotation = parse("public interface org.openmrs.annotation.Authorized extends java.lang.annotation.Annotation {");
		TypeSignature auditable = parse("public interface org.openmrs.Auditable extends org.openmrs.Creatable,org.openmrs.Changeable {");
		TypeSignature daemon = parse("public final class org.openmrs.api.context.Daemon {");
		TypeSignature activator = parse("public abstract class org.openmrs.module.BaseModuleActivator implements org.openmrs.module.ModuleActivator {");
		TypeSignature location = parse("public class org.openmrs.Location extends org.openmrs.BaseCustomizableMetadata<org.openmrs.LocationAttribute> "
				+ "implements java.io.Serializable, org.openmrs.Attributable<org.openmrs.Location>, org.openmrs.Address {");
		TypeSignature mediaType = parse("public final class org.openmrs.module.Extension$MEDIA_TYPE extends "
				+ "java.lang.Enum<org.openmrs.module.Extension$MEDIA_TYPE> {");

		assertThat(annotation.kind()).isEqualTo(TypeKind.ANNOTATION);
		assertThat(auditable.kind()).isEqualTo(TypeKind.INTERFACE);
		assertThat(auditable.superclass()).isNull();
		assertThat(auditable.interfaces()).containsExactly("org.openmrs.Creatable", "org.openmrs.Changeable");
		assertThat(daemon.kind()).isEqualTo(TypeKind.FINAL_CLASS);
		assertThat(daemon.superclass()).isEqualTo("java.lang.Object");
		assertThat(activator.kind()).isEqualTo(TypeKind.ABSTRACT_CLASS);
		assertThat(location.kind()).isEqualTo(TypeKind.CLASS);
		assertThat(location.superclass()).isEqualTo("org.openmrs.BaseCustomizableMetadata");
		assertThat(location.interfaces()).containsExactly("java.io.Serializable", "org.openmrs.Attributable", "org.openmrs.Address");
		assertThat(mediaType.kind()).isEqualTo(TypeKind.ENUM);
		assertThat(mediaType.name()).isEqualTo("org.openmrs.module.Extension$MEDIA_TYPE");
	}

	@Test
	void parse_shouldSkipPreambleCommentsBracesAndStaticInitializers() {
		TypeSignature type = ReferenceParser.parse(List.of(
				"Read from the legacyui module's source (release 1.23.0; unchanged in 2.x): artifact x.",
				"Compiled from \"AdministrationSectionExt.java\"",
				"public abstract class org.openmrs.module.web.extension.AdministrationSectionExt extends org.openmrs.module.Extension {",
				"  public org.openmrs.module.Extension$MEDIA_TYPE getMediaType();     // returns MEDIA_TYPE.html",
				"  public abstract java.util.Map<java.lang.String, java.lang.String> getLinks();  // link -> label; see http://x",
				"  static {};",
				"}",
				"Notes after the class; none of them is a member;"));

		assertThat(type.name()).isEqualTo("org.openmrs.module.web.extension.AdministrationSectionExt");
		assertThat(type.members()).extracting(Member::key)
				.containsExactly("getMediaType()Lorg/openmrs/module/Extension$MEDIA_TYPE;", "getLinks()Ljava/util/Map;");
	}

	@Test
	void parse_shouldRejectADeclarationItCannotRead() {
		// a damaged listing must stop the build, not quietly lose a member the stub may then get wrong
		assertThatThrownBy(() -> ReferenceParser.parse(List.of("public class org.x.Y {", "  public Strin g(;", "}")))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
		assertThatThrownBy(() -> ReferenceParser.parse(List.of("public class org.x.Y {", "  public U undeclared();", "}")))
				.hasMessageContaining("undeclared type variable: U");
		assertThatThrownBy(() -> ReferenceParser.parse(List.of("just text")))
				.hasMessageContaining("no class or interface declaration");
	}

	private static TypeSignature parse(String header) {
		return ReferenceParser.parse(List.of(header, "}"));
	}
}
