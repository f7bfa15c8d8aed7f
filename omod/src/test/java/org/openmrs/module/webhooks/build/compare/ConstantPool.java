package org.openmrs.module.webhooks.build.compare;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

/**
 * The constant pool of a class file (JVMS 4.4), every entry readable as text that names what it refers to
 * instead of where it sits in the pool: two compilations of one class may number their pools differently,
 * and that alone changes nothing when the class runs.
 */
final class ConstantPool {

	static final int UTF8 = 1;
	static final int INTEGER = 3;
	static final int FLOAT = 4;
	static final int LONG = 5;
	static final int DOUBLE = 6;
	static final int CLASS = 7;
	static final int STRING = 8;
	static final int FIELDREF = 9;
	static final int METHODREF = 10;
	static final int INTERFACE_METHODREF = 11;
	static final int NAME_AND_TYPE = 12;
	static final int METHOD_HANDLE = 15;
	static final int METHOD_TYPE = 16;
	static final int DYNAMIC = 17;
	static final int INVOKE_DYNAMIC = 18;
	static final int MODULE = 19;
	static final int PACKAGE = 20;

	private static final List<String> REFERENCE_KINDS = List.of("", "REF_getField", "REF_getStatic", "REF_putField",
	    "REF_putStatic", "REF_invokeVirtual", "REF_invokeStatic", "REF_invokeSpecial", "REF_newInvokeSpecial",
	    "REF_invokeInterface");

	private final int[] tags;

	/** Utf8: String; Integer/Float/Long/Double: the boxed value; every other kind: its index operands as int[]. */
	private final Object[] entries;

	/** Renders a bootstrap method by its index in the BootstrapMethods attribute; set once the class is read. */
	private BootstrapMethods bootstrapMethods;

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
				case UTF8 -> pool.entries[i] = in.readUTF();
				case INTEGER -> pool.entries[i] = in.readInt();
				case FLOAT -> pool.entries[i] = in.readFloat();
				case LONG -> pool.entries[i++] = in.readLong(); // 8-byte constants take two slots
				case DOUBLE -> pool.entries[i++] = in.readDouble();
				case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> pool.entries[i] = new int[] { in.readUnsignedShort() };
				case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC ->
					pool.entries[i] = new int[] { in.readUnsignedShort(), in.readUnsignedShort() };
				case METHOD_HANDLE -> pool.entries[i] = new int[] { in.readUnsignedByte(), in.readUnsignedShort() };
				default -> throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + i);
			}
		}
		return pool;
	}

	void setBootstrapMethods(BootstrapMethods bootstrapMethods) {
		this.bootstrapMethods = bootstrapMethods;
	}

	int tag(int index) {
		check(index);
		return tags[index];
	}

	String utf8(int index) {
		expect(index, UTF8);
		return (String) entries[index];
	}

	/** A CONSTANT_Class in internal form ({@code java/lang/String}, or an array descriptor). */
	String className(int index) {
		expect(index, CLASS);
		return utf8(operands(index)[0]);
	}

	/** {@code name:descriptor} of a CONSTANT_NameAndType. */
	String nameAndType(int index) {
		expect(index, NAME_AND_TYPE);
		int[] operands = operands(index);
		return utf8(operands[0]) + ":" + utf8(operands[1]);
	}

	/** Any entry as text that names its kind and what it refers to, never a pool index. */
	String render(int index) {
		check(index);
		Object entry = entries[index];
		return switch (tags[index]) {
			case UTF8 -> "utf8 " + quote((String) entry);
			case INTEGER -> "int " + entry;
			case FLOAT -> "float " + entry + " (0x" + Integer.toHexString(Float.floatToRawIntBits((Float) entry)) + ")";
			case LONG -> "long " + entry;
			case DOUBLE -> "double " + entry + " (0x" + Long.toHexString(Double.doubleToRawLongBits((Double) entry)) + ")";
			case CLASS -> "class " + className(index);
			case STRING -> "String " + quote(utf8(operands(index)[0]));
			case FIELDREF -> "Field " + memberRef(index);
			case METHODREF -> "Method " + memberRef(index);
			case INTERFACE_METHODREF -> "InterfaceMethod " + memberRef(index);
			case NAME_AND_TYPE -> "NameAndType " + nameAndType(index);
			case METHOD_HANDLE -> "MethodHandle " + REFERENCE_KINDS.get(operands(index)[0]) + " " + render(operands(index)[1]);
			case METHOD_TYPE -> "MethodType " + utf8(operands(index)[0]);
			case DYNAMIC -> "Dynamic " + dynamic(index);
			case INVOKE_DYNAMIC -> "InvokeDynamic " + dynamic(index);
			case MODULE -> "Module " + utf8(operands(index)[0]);
			case PACKAGE -> "Package " + utf8(operands(index)[0]);
			default -> throw new IllegalStateException("tag " + tags[index]);
		};
	}

	/** {@code owner.name:descriptor} of a field or method reference. */
	private String memberRef(int index) {
		int[] operands = operands(index);
		return className(operands[0]) + "." + nameAndType(operands[1]);
	}

	/** A (Invoke)Dynamic entry with its bootstrap method written out in place of the bootstrap index. */
	private String dynamic(int index) {
		int[] operands = operands(index);
		String bootstrap = bootstrapMethods == null ? "bootstrap #" + operands[0] : bootstrapMethods.render(operands[0]);
		return nameAndType(operands[1]) + " " + bootstrap;
	}

	private int[] operands(int index) {
		return (int[]) entries[index];
	}

	private void expect(int index, int tag) {
		check(index);
		if (tags[index] != tag) {
			throw new IllegalArgumentException("constant pool entry " + index + " has tag " + tags[index] + ", not " + tag);
		}
	}

	private void check(int index) {
		if (index <= 0 || index >= tags.length || tags[index] == 0) {
			throw new IllegalArgumentException("no constant pool entry " + index);
		}
	}

	/** A Java-like quoted string, with every character that could hide a difference escaped. */
	static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** The BootstrapMethods attribute, rendered entry by entry. */
	interface BootstrapMethods {

		String render(int bootstrapIndex);
	}
}
