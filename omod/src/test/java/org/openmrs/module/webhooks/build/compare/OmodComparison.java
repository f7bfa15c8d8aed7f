package org.openmrs.module.webhooks.build.compare;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Proves two .omod files equal where it matters at run time, or names every difference: the .omod the README
 * builds (against openmrs-stubs) against one built with the same sources against the real OpenMRS jars
 * ({@code -Popenmrs}). A stub that lacks part of the real generic hierarchy compiles fine and yields other
 * bytecode (a missing bridge method gives AbstractMethodError in production); this is where that shows.
 * <ul>
 * <li>the same entries: every class, resource and {@code lib/} jar in one is in the other;</li>
 * <li>every class of ours, at the root and in our own jars in {@code lib/} ({@code lib/webhooks-*.jar}): equal as
 * {@link ClassText} (flags, supertypes, every field and method with its flags, attributes and code, bridges and
 * synthetic members included), compared by {@link ClassComparison};</li>
 * <li>every other entry (config.xml, messages, the admin page, the manifests; the third-party jars in
 * {@code lib/}): the same bytes.</li>
 * </ul>
 * Zip metadata (timestamps, entry order, compression) does not count, nor do constant pool numbering and debug
 * information. Only the JDK is needed: {@code .ci/real-omod} compiles this package with javac alone.
 */
public final class OmodComparison {

	/** What was compared: {@link #summary()} says it. */
	static final class Counts {

		int classes;

		int members;

		long instructions;

		int resources;

		int libraryJars;

		String summary() {
			return classes + " classes, " + members + " members, " + instructions + " instructions, " + resources
			        + " other entries, " + libraryJars + " lib/ jars";
		}
	}

	/** The differences, in a stable order (empty when the two are equal), and what was compared. */
	record Result(List<String> differences, Counts counts) {
	}

	private OmodComparison() {
	}

	/**
	 * {@code OmodComparison <omod> <other omod> [<label> <other label>]}: prints what was compared and every
	 * difference; exits 0 when there is none, 1 when there are differences, 2 when it could not compare.
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** What {@link #main} does, returning the exit status instead of exiting. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2 && args.length != 4) {
			err.println("usage: OmodComparison <omod> <other omod> [<label> <other label>]");
			return 2;
		}
		String left = args.length == 4 ? args[2] : "first .omod";
		String right = args.length == 4 ? args[3] : "second .omod";
		Result result;
		try {
			result = compare(Path.of(args[0]), Path.of(args[1]), left, right);
		}
		catch (IOException | RuntimeException e) {
			err.println("[omod-compare] could not compare " + args[0] + " with " + args[1] + ": " + e);
			return 2;
		}
		String compared = "[omod-compare] " + left + " vs " + right + ": compared " + result.counts().summary();
		if (result.differences().isEmpty()) {
			out.println(compared + ": no difference");
			return 0;
		}
		out.println(compared + ": " + result.differences().size() + " difference(s)");
		for (String difference : result.differences()) {
			out.println("  - " + difference);
		}
		return 1;
	}

	/** Compares the .omod at {@code a} (called {@code left} in the differences) with the one at {@code b} ({@code right}). */
	static Result compare(Path a, Path b, String left, String right) throws IOException {
		List<String> differences = new ArrayList<>();
		Counts counts = new Counts();
		compareEntries("", entries(Files.readAllBytes(a)), entries(Files.readAllBytes(b)), left, right, differences, counts);
		return new Result(differences, counts);
	}

	private static void compareEntries(String where, Map<String, byte[]> a, Map<String, byte[]> b, String left,
	        String right, List<String> differences, Counts counts) throws IOException {
		TreeSet<String> names = new TreeSet<>(a.keySet());
		names.addAll(b.keySet());
		for (String name : names) {
			byte[] x = a.get(name);
			byte[] y = b.get(name);
			if (y == null) {
				differences.add(where + name + ": only in the " + left);
			}
			else if (x == null) {
				differences.add(where + name + ": only in the " + right);
			}
			else if (name.endsWith(".class")) {
				ClassComparison.compare(where, read(where + name, x), read(where + name, y), left, right, differences, counts);
			}
			else if (where.isEmpty() && isOurJar(name)) {
				counts.libraryJars++;
				compareEntries(name + "!/", entries(x), entries(y), left, right, differences, counts);
			}
			else {
				if (where.isEmpty() && name.startsWith("lib/")) {
					counts.libraryJars++;
				}
				else {
					counts.resources++;
				}
				if (!Arrays.equals(x, y)) {
					differences.add(where + name + ": other content"
					        + (name.endsWith(".jar") ? " (" + x.length + " and " + y.length + " bytes)" : firstDifferentLine(x, y, left, right)));
				}
			}
		}
	}

	/** Our own jars in lib/ (the api jar): compiled against the stubs too, so compared class by class. */
	static boolean isOurJar(String name) {
		return name.startsWith("lib/webhooks-") && name.endsWith(".jar");
	}

	private static ClassText read(String entry, byte[] bytes) {
		try {
			return ClassText.read(bytes);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException(entry + ": " + e.getMessage(), e);
		}
	}

	/** The files of a zip (directories left out) by name; a name twice is an error, not something to pick from. */
	static Map<String, byte[]> entries(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new TreeMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.isDirectory() && entries.put(entry.getName(), in.readAllBytes()) != null) {
					throw new IllegalArgumentException("the entry " + entry.getName() + " is in the zip twice");
				}
			}
		}
		if (entries.isEmpty()) {
			throw new IllegalArgumentException("not a zip, or an empty one");
		}
		return entries;
	}

	/** For text: where it first differs, so that the report says what to look at. */
	private static String firstDifferentLine(byte[] x, byte[] y, String left, String right) {
		String[] a = new String(x, StandardCharsets.UTF_8).split("\n", -1);
		String[] b = new String(y, StandardCharsets.UTF_8).split("\n", -1);
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			String lineA = i < a.length ? a[i] : null;
			String lineB = i < b.length ? b[i] : null;
			if (lineA == null || !lineA.equals(lineB)) {
				return ": line " + (i + 1) + " is " + shown(lineA) + " in the " + left + ", " + shown(lineB) + " in the " + right;
			}
		}
		return "";
	}

	private static String shown(String line) {
		if (line == null) {
			return "absent";
		}
		String text = line.length() > 120 ? line.substring(0, 120) + "..." : line;
		return ConstantPool.quote(text);
	}
}
