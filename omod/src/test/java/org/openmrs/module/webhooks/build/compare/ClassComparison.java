package org.openmrs.module.webhooks.build.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one class of two builds, {@link ClassText} against {@link ClassText}, and names each difference by
 * class and member: a member only one build has (a bridge method javac wrote for one of them), other flags,
 * other attributes, or code that differs from a given instruction on.
 */
final class ClassComparison {

	private final String className;

	private final String left;

	private final String right;

	private final List<String> differences;

	private ClassComparison(String className, String left, String right, List<String> differences) {
		this.className = className;
		this.left = left;
		this.right = right;
		this.differences = differences;
	}

	/**
	 * Adds the differences of {@code a} (built as {@code left} says) and {@code b} (as {@code right} says) to
	 * {@code differences}, and what was compared to {@code counts}.
	 */
	static void compare(String where, ClassText a, ClassText b, String left, String right, List<String> differences,
	        OmodComparison.Counts counts) {
		ClassComparison comparison = new ClassComparison(where + a.name(), left, right, differences);
		counts.classes++;
		comparison.lines("class", a.header(), b.header());
		for (String key : union(a.members(), b.members())) {
			ClassText.MemberText x = a.members().get(key);
			ClassText.MemberText y = b.members().get(key);
			if (y == null) {
				comparison.add(key + " [" + x.flags() + "] is only in the " + left);
			}
			else if (x == null) {
				comparison.add(key + " [" + y.flags() + "] is only in the " + right);
			}
			else {
				counts.members++;
				counts.instructions += x.instructions();
				comparison.member(x, y);
			}
		}
	}

	private void member(ClassText.MemberText x, ClassText.MemberText y) {
		if (!x.flags().equals(y.flags())) {
			add(x.key() + ": flags [" + x.flags() + "] in the " + left + ", [" + y.flags() + "] in the " + right);
		}
		lines(x.key(), x.attributes(), y.attributes());
		if (!x.code().equals(y.code())) {
			int at = 0;
			while (at < x.code().size() && at < y.code().size() && x.code().get(at).equals(y.code().get(at))) {
				at++;
			}
			add(x.key() + ": code differs: " + line(x.code(), at) + " in the " + left + ", " + line(y.code(), at) + " in the "
			        + right);
		}
	}

	/** Lines (header or attributes) that one side has and the other has not, named. */
	private void lines(String what, List<String> x, List<String> y) {
		if (x.equals(y)) {
			return;
		}
		List<String> onlyX = new ArrayList<>(x);
		onlyX.removeAll(y);
		List<String> onlyY = new ArrayList<>(y);
		onlyY.removeAll(x);
		for (String line : onlyX) {
			add(what + ": `" + line + "` is only in the " + left);
		}
		for (String line : onlyY) {
			add(what + ": `" + line + "` is only in the " + right);
		}
		if (onlyX.isEmpty() && onlyY.isEmpty()) {
			add(what + ": the same lines in another order or number: " + x + " in the " + left + ", " + y + " in the " + right);
		}
	}

	private static String line(List<String> code, int at) {
		return at < code.size() ? "`" + code.get(at) + "`" : "nothing (it ends before line " + at + ")";
	}

	private void add(String difference) {
		differences.add(className + ": " + difference);
	}

	private static Set<String> union(Map<String, ?> a, Map<String, ?> b) {
		Set<String> keys = new LinkedHashSet<>(a.keySet());
		keys.addAll(b.keySet());
		return keys;
	}
}
