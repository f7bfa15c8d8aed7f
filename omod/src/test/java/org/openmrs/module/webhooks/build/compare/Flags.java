package org.openmrs.module.webhooks.build.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Access flags (JVMS 4.1, 4.5, 4.6, 4.7.6) as the words javap uses. The same bit means different things in
 * different places (0x0040 is a method's ACC_BRIDGE and a field's ACC_VOLATILE), so each place has its own
 * table. A bit with no name in its table is shown as a number, so that it still counts.
 */
final class Flags {

	static final int ACC_BRIDGE = 0x0040;
	static final int ACC_SYNTHETIC = 0x1000;

	private static final String[] CLASS = { "public", null, null, null, "final", "super", null, null, null, "interface",
	        "abstract", null, "synthetic", "annotation", "enum", "module" };

	private static final String[] FIELD = { "public", "private", "protected", "static", "final", null, "volatile",
	        "transient", null, null, null, null, "synthetic", null, "enum" };

	private static final String[] METHOD = { "public", "private", "protected", "static", "final", "synchronized",
	        "bridge", "varargs", "native", null, "abstract", "strict", "synthetic" };

	private static final String[] INNER_CLASS = { "public", "private", "protected", "static", "final", null, null, null,
	        null, "interface", "abstract", null, "synthetic", "annotation", "enum" };

	private static final String[] PARAMETER = { null, null, null, null, "final", null, null, null, null, null, null, null,
	        "synthetic", null, null, "mandated" };

	private Flags() {
	}

	static String ofClass(int flags) {
		return words(flags, CLASS);
	}

	static String field(int flags) {
		return words(flags, FIELD);
	}

	static String method(int flags) {
		return words(flags, METHOD);
	}

	static String innerClass(int flags) {
		return words(flags, INNER_CLASS);
	}

	static String parameter(int flags) {
		return words(flags, PARAMETER);
	}

	private static String words(int flags, String[] names) {
		List<String> words = new ArrayList<>();
		for (int bit = 0; bit < 16; bit++) {
			if ((flags & (1 << bit)) != 0) {
				words.add(bit < names.length && names[bit] != null ? names[bit] : "0x" + Integer.toHexString(1 << bit));
			}
		}
		return String.join(" ", words);
	}
}
