package org.openmrs.module.webhooks.stubcheck;

import java.io.DataInputStream;
import java.io.IOException;

/** The constant pool of a class file: just enough to resolve names, descriptors and constant values. */
final class ConstantPool {

	private static final int UTF8 = 1;
	private static final int INTEGER = 3;
	private static final int FLOAT = 4;
	private static final int LONG = 5;
	private static final int DOUBLE = 6;
	private static final int CLASS = 7;
	private static final int STRING = 8;

	private final int[] tags;

	/** Utf8 text, Integer/Float/Long/Double values, or the Utf8 index a Class or String entry points at. */
	private final Object[] entries;

	private ConstantPool(int size) {
		tags = new int[size];
		entries = new Object[size];
	}

	static ConstantPool read(DataInputStream in) throws IOException {
		ConstantPool pool = new ConstantPool(in.readUnsignedShort());
		for (int i = 1; i < pool.tags.length; i++) {
			int tag = in.readUnsignedByte();
			pool.tags[i] = tag;
			switch (tag) {
				case UTF8 -> pool.entries[i] = in.readUTF(); // class files use the same modified UTF-8 as DataInput
				case INTEGER -> pool.entries[i] = in.readInt();
				case FLOAT -> pool.entries[i] = in.readFloat();
				case LONG, DOUBLE -> {
					pool.entries[i] = tag == LONG ? (Object) in.readLong() : (Object) in.readDouble();
					i++; // 8-byte constants take two slots
				}
				case CLASS, STRING, 16 /* MethodType */, 19 /* Module */, 20 /* Package */ ->
					pool.entries[i] = in.readUnsignedShort();
				case 9, 10, 11, 12, 17, 18 /* member refs, NameAndType, (Invoke)Dynamic */ -> in.skipNBytes(4);
				case 15 /* MethodHandle */ -> in.skipNBytes(3);
				default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + i);
			}
		}
		return pool;
	}

	String utf8(int index) {
		expect(index, UTF8);
		return (String) entries[index];
	}

	/** A CONSTANT_Class as a binary name: {@code org.openmrs.module.Extension$MEDIA_TYPE}. */
	String className(int index) {
		expect(index, CLASS);
		return utf8((Integer) entries[index]).replace('/', '.');
	}

	/**
	 * A field's ConstantValue, typed by the field: boolean and char constants are stored as ints and come back
	 * as Boolean and Character, like the listing parser reads them.
	 */
	Object constant(int index, String fieldDescriptor) {
		Object value = switch (tags[index]) {
			case STRING -> utf8((Integer) entries[index]);
			case INTEGER, FLOAT, LONG, DOUBLE -> entries[index];
			default -> throw new IllegalArgumentException("constant pool entry " + index + " is not a constant");
		};
		return switch (fieldDescriptor) {
			case "Z" -> (Integer) value != 0;
			case "C" -> (char) (int) (Integer) value;
			default -> value;
		};
	}

	private void expect(int index, int tag) {
		if (index <= 0 || index >= tags.length || tags[index] != tag) {
			throw new IllegalArgumentException("constant pool entry " + index + " is not of tag " + tag);
		}
	}
}
