package org.openmrs.module.webhooks.build.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison against builds that differ the way a stub-built .omod can differ from a real-built one: the
 * same sources of ours compiled against two versions of a library (the "stub" and the "real" one), javac at
 * test time. Each difference must be found and named by class and member; what does not change what runs
 * (debug information, constant pool layout, member order, zip metadata) must not count.
 */
class OmodComparisonTest {

	private static final String STUB = "stub build";

	private static final String REAL = "real build";

	@TempDir
	Path dir;

	private int builds;

	@Test
	void compare_shouldFindNoDifferenceBetweenBuildsThatRunTheSame() throws Exception {
		// the same sources against a stub that has the real generic hierarchy: debug information, zip times and
		// entry order differ, none of which runs
		List<String> library = List.of("package lib; public interface Handler<T> { T newDelegate(); }",
		    "package lib; public abstract class Base<T> implements Handler<T> { }");
		List<String> ours = List.of("""
				package org.example;
				public class Resource extends lib.Base<String> {
					public String newDelegate() { return "x" + hashCode(); }
				}""");
		Map<String, byte[]> stub = build(library, ours, "-g:none");
		Map<String, byte[]> real = build(library, ours, "-g");

		OmodComparison.Result result = compare(omod(stub, 0L), omod(reversed(real), 86_400_000L));

		assertThat(result.differences()).isEmpty();
		assertThat(result.counts().classes).isEqualTo(1);
		assertThat(result.counts().members).isEqualTo(3); // the constructor, newDelegate() and its bridge
		assertThat(result.counts().instructions).isGreaterThan(10);
		assertThat(result.counts().resources).isEqualTo(1);
	}

	@Test
	void compare_shouldNameTheBridgeMethodsAStubWithoutTheGenericHierarchyLeavesOut() throws Exception {
		// issue 9: javac writes Object newDelegate() and Object save(Object) only when it sees the generic interface
		String ours = """
				package org.example;
				public class TargetResource extends lib.Base<String> {
					public String newDelegate() { return ""; }
					public String save(String delegate) { return delegate; }
				}""";
		Map<String, byte[]> stub = build(List.of("package lib; public abstract class Base<T> { }"), List.of(ours));
		Map<String, byte[]> real = build(List.of("package lib; public interface Handler<T> { T newDelegate(); T save(T t); }",
		    "package lib; public abstract class Base<T> implements Handler<T> { }"), List.of(ours));

		List<String> differences = compare(omod(stub, 0L), omod(real, 0L)).differences();

		assertThat(differences).containsExactlyInAnyOrder(
		    "org.example.TargetResource: method newDelegate()Ljava/lang/Object; [public bridge synthetic] is only in the real build",
		    "org.example.TargetResource: method save(Ljava/lang/Object;)Ljava/lang/Object; [public bridge synthetic]"
		            + " is only in the real build");
	}

	@Test
	void compare_shouldNameACallWhoseDescriptorChanged() throws Exception {
		// the stub says int, the real library Integer: the call links to another method, and boxing code follows
		String ours = "package org.example; public class Counter { public Object count() { return lib.Lib.count(); } }";
		Map<String, byte[]> stub = build(List.of("package lib; public class Lib { public static int count() { return 0; } }"),
		    List.of(ours));
		Map<String, byte[]> real = build(List.of("package lib; public class Lib { public static Integer count() { return 0; } }"),
		    List.of(ours));

		List<String> differences = compare(omod(stub, 0L), omod(real, 0L)).differences();

		assertThat(differences).containsExactly("org.example.Counter: method count()Ljava/lang/Object;: code differs:"
		        + " `0: invokestatic Method lib/Lib.count:()I` in the stub build,"
		        + " `0: invokestatic Method lib/Lib.count:()Ljava/lang/Integer;` in the real build");
	}

	@Test
	void compare_shouldNameAMemberWhoseDescriptorChanged() throws Exception {
		Map<String, byte[]> stub = build(List.of(), List.of("package org.example; public class Sizes { public int size() { return 1; } }"));
		Map<String, byte[]> real = build(List.of(), List.of("package org.example; public class Sizes { public long size() { return 1; } }"));

		List<String> differences = compare(omod(stub, 0L), omod(real, 0L)).differences();

		assertThat(differences).containsExactly("org.example.Sizes: method size()I [public] is only in the stub build",
		    "org.example.Sizes: method size()J [public] is only in the real build");
	}

	@Test
	void compare_shouldNameInvokevirtualWhereTheRealTypeIsAnInterface() throws Exception {
		// a stub class for a real interface: IncompatibleClassChangeError at the first call
		String ours = "package org.example; public class Caller { public void call(lib.Service s) { s.go(); } }";
		Map<String, byte[]> stub = build(List.of("package lib; public abstract class Service { public abstract void go(); }"),
		    List.of(ours));
		Map<String, byte[]> real = build(List.of("package lib; public interface Service { void go(); }"), List.of(ours));

		List<String> differences = compare(omod(stub, 0L), omod(real, 0L)).differences();

		assertThat(differences).containsExactly("org.example.Caller: method call(Llib/Service;)V: code differs:"
		        + " `1: invokevirtual Method lib/Service.go:()V` in the stub build,"
		        + " `1: invokeinterface InterfaceMethod lib/Service.go:()V count 1` in the real build");
	}

	@Test
	void compare_shouldNameAnInlinedConstantThatDiffers() throws Exception {
		// javac copies a constant's value into our code: the stub's value is what would run
		String ours = "package org.example; public class Paths { public String path() { return lib.Constants.VERSION + \"/x\"; } }";
		Map<String, byte[]> stub = build(List.of("package lib; public class Constants { public static final String VERSION = \"v2\"; }"),
		    List.of(ours));
		Map<String, byte[]> real = build(List.of("package lib; public class Constants { public static final String VERSION = \"v1\"; }"),
		    List.of(ours));

		List<String> differences = compare(omod(stub, 0L), omod(real, 0L)).differences();

		assertThat(differences).containsExactly("org.example.Paths: method path()Ljava/lang/String;: code differs:"
		        + " `0: ldc String \"v2/x\"` in the stub build, `0: ldc String \"v1/x\"` in the real build");
	}

	@Test
	void compare_shouldNameAnAnnotationTheRealBuildMakesVisibleAtRunTime() throws Exception {
		// a stub annotation without RUNTIME retention: the REST module would never see our @Resource
		String ours = "package org.example; @lib.Resource(\"v1/thing\") public class Thing { }";
		Map<String, byte[]> stub = build(List.of("package lib; public @interface Resource { String value(); }"), List.of(ours));
		Map<String, byte[]> real = build(List.of("package lib; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
		        + " public @interface Resource { String value(); }"), List.of(ours));

		List<String> differences = compare(omod(stub, 0L), omod(real, 0L)).differences();

		assertThat(differences).containsExactly(
		    "org.example.Thing: class: `RuntimeInvisibleAnnotations @Llib/Resource;(value=s:utf8 \"v1/thing\")` is only in the stub build",
		    "org.example.Thing: class: `RuntimeVisibleAnnotations @Llib/Resource;(value=s:utf8 \"v1/thing\")` is only in the real build");
	}

	@Test
	void compare_shouldNameOtherFlagsOfAMember() throws Exception {
		Map<String, byte[]> stub = build(List.of(), List.of("package org.example; public class Flags { public void run() { } }"));
		Map<String, byte[]> real = build(List.of(), List.of("package org.example; public class Flags { public synchronized void run() { } }"));

		List<String> differences = compare(omod(stub, 0L), omod(real, 0L)).differences();

		assertThat(differences).containsExactly(
		    "org.example.Flags: method run()V: flags [public] in the stub build, [public synchronized] in the real build");
	}

	@Test
	void compare_shouldNameAClassOnlyOneBuildHas() throws Exception {
		Map<String, byte[]> stub = build(List.of(), List.of("package org.example; public class One { }"));
		Map<String, byte[]> real = build(List.of(), List.of("package org.example; public class One { }",
		    "package org.example; public class Two { }"));

		List<String> differences = compare(omod(stub, 0L), omod(real, 0L)).differences();

		assertThat(differences).containsExactly("org/example/Two.class: only in the real build");
	}

	@Test
	void compare_shouldCompareTheClassesOfOurJarInLibOneByOne() throws Exception {
		String ours = "package org.example; public class Caller { public void call(lib.Service s) { s.go(); } }";
		Map<String, byte[]> stub = build(List.of("package lib; public class Service { public void go() { } }"), List.of(ours));
		Map<String, byte[]> real = build(List.of("package lib; public interface Service { void go(); }"), List.of(ours));
		Map<String, byte[]> stubOmod = Map.of("config.xml", bytes("<module/>"), "lib/webhooks-api-1.0.jar", TestBuilds.zip(stub, 0L));
		Map<String, byte[]> realOmod = Map.of("config.xml", bytes("<module/>"), "lib/webhooks-api-1.0.jar", TestBuilds.zip(real, 5_000L));

		OmodComparison.Result result = compare(zip(stubOmod), zip(realOmod));

		assertThat(result.differences()).singleElement().asString().startsWith(
		    "lib/webhooks-api-1.0.jar!/org.example.Caller: method call(Llib/Service;)V: code differs: `1: invokevirtual");
		assertThat(result.counts().libraryJars).isEqualTo(1);
		assertThat(result.counts().classes).isEqualTo(1);
	}

	@Test
	void compare_shouldNameOtherResourcesAndLibraries() throws Exception {
		Map<String, byte[]> stub = new TreeMap<>(Map.of("config.xml", bytes("<module>\n  <version>1.0</version>\n</module>\n"),
		    "lib/httpclient5-5.5.1.jar", bytes("jar one"), "lib/httpcore5-5.3.6.jar", bytes("jar two")));
		Map<String, byte[]> real = new TreeMap<>(Map.of("config.xml", bytes("<module>\n  <version>1.1</version>\n</module>\n"),
		    "lib/httpclient5-5.5.2.jar", bytes("jar one"), "lib/httpcore5-5.3.6.jar", bytes("jar 2")));

		List<String> differences = compare(zip(stub), zip(real)).differences();

		assertThat(differences).containsExactly(
		    "config.xml: other content: line 2 is \"  <version>1.0</version>\" in the stub build,"
		            + " \"  <version>1.1</version>\" in the real build",
		    "lib/httpclient5-5.5.1.jar: only in the stub build", "lib/httpclient5-5.5.2.jar: only in the real build",
		    "lib/httpcore5-5.3.6.jar: other content (7 and 5 bytes)");
	}

	@Test
	void run_shouldPrintTheSummaryAndExitNonZeroOnADifference() throws Exception {
		Map<String, byte[]> stub = build(List.of("package lib; public abstract class Base<T> { }"),
		    List.of("package org.example; public class R extends lib.Base<String> { public String newDelegate() { return \"\"; } }"));
		Map<String, byte[]> real = build(List.of("package lib; public interface Handler<T> { T newDelegate(); }",
		    "package lib; public abstract class Base<T> implements Handler<T> { }"),
		    List.of("package org.example; public class R extends lib.Base<String> { public String newDelegate() { return \"\"; } }"));
		Path a = omod(stub, 0L);
		Path b = omod(real, 0L);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int differing = OmodComparison.run(new String[] { a.toString(), b.toString(), "stubs", "real 2.8.9" }, print(out), print(err));
		int same = OmodComparison.run(new String[] { a.toString(), a.toString(), "stubs", "stubs again" }, print(out), print(err));
		int unreadable = OmodComparison.run(new String[] { a.toString(), dir.resolve("missing.omod").toString() }, print(out),
		    print(err));

		assertThat(differing).isEqualTo(1);
		assertThat(same).isZero();
		assertThat(unreadable).isEqualTo(2);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(
		    "[omod-compare] stubs vs real 2.8.9: compared 1 classes, 2 members, ",
		    "1 difference(s)\n  - org.example.R: method newDelegate()Ljava/lang/Object; [public bridge synthetic] is only in the real 2.8.9",
		    "[omod-compare] stubs vs stubs again: compared 1 classes, 2 members, ", ": no difference");
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not compare");
	}

	private Map<String, byte[]> build(List<String> library, List<String> ours, String... options) {
		return TestBuilds.compile(dir.resolve("build" + builds++), library, ours, options);
	}

	/** A .omod of these classes at its root, with a config.xml. */
	private Path omod(Map<String, byte[]> classes, long time) {
		Map<String, byte[]> entries = new LinkedHashMap<>(classes);
		entries.put("config.xml", bytes("<module/>"));
		return TestBuilds.write(dir.resolve("build" + builds++ + ".omod"), TestBuilds.zip(entries, time));
	}

	private Path zip(Map<String, byte[]> entries) {
		return TestBuilds.write(dir.resolve("build" + builds++ + ".omod"), TestBuilds.zip(entries, 0L));
	}

	private static Map<String, byte[]> reversed(Map<String, byte[]> entries) {
		List<String> names = new ArrayList<>(entries.keySet());
		Collections.reverse(names);
		Map<String, byte[]> reversed = new LinkedHashMap<>();
		names.forEach(name -> reversed.put(name, entries.get(name)));
		return reversed;
	}

	private static OmodComparison.Result compare(Path stub, Path real) throws Exception {
		return OmodComparison.compare(stub, real, STUB, REAL);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static PrintStream print(ByteArrayOutputStream out) {
		return new PrintStream(out, true, StandardCharsets.UTF_8);
	}
}
