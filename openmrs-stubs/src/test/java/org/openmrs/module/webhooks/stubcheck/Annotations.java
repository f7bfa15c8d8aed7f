package org.openmrs.module.webhooks.stubcheck;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.annotation.RetentionPolicy;

/**
 * Reads a RuntimeVisibleAnnotations attribute (JVMS 4.7.16) far enough to find {@code @Retention}:
 * its value is an enum constant; every other annotation and element value is skipped.
 */
final class Annotations {

	private Annotations() {
	}

	/** The policy of the {@code retentionDescriptor} annotation in the attribute, or null when there is none. */
	static RetentionPolicy retention(DataInputStream in, ConstantPool pool, String retentionDescriptor) throws IOException {
		RetentionPolicy found = null;
		for (int i = in.readUnsignedShort(); i > 0; i--) {
			String type = pool.utf8(in.readUnsignedShort());
			for (int pair = in.readUnsignedShort(); pair > 0; pair--) {
				String element = pool.utf8(in.readUnsignedShort());
				String enumConstant = elementValue(in, pool);
				if (type.equals(retentionDescriptor) && element.equals("value")) {
					found = RetentionPolicy.valueOf(enumConstant);
				}
			}
		}
		return found;
	}

	/** Skips one element_value; returns the constant name when it is an enum constant. */
	private static String elementValue(DataInputStream in, ConstantPool pool) throws IOException {
		int tag = in.readUnsignedByte();
		switch (tag) {
			case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.readUnsignedShort();
			case 'e' -> {
				in.readUnsignedShort(); // the enum type
				return pool.utf8(in.readUnsignedShort());
			}
			case '@' -> {
				in.readUnsignedShort();
				for (int pair = in.readUnsignedShort(); pair > 0; pair--) {
					in.readUnsignedShort();
					elementValue(in, pool);
				}
			}
			case '[' -> {
				for (int value = in.readUnsignedShort(); value > 0; value--) {
					elementValue(in, pool);
				}
			}
			default -> throw new IllegalArgumentException("unknown element_value tag " + (char) tag);
		}
		return null;
	}
}
