package org.openmrs.module.webhooks.stubcheck;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a compiled stub into a {@link TypeSignature}, straight from the class file (JVMS chapter 4) so
 * that it sees what the module's javac sees: the exact flags, descriptors and ConstantValue attributes
 * (which reflection cannot tell from a final field set in a static initializer), without loading or
 * initializing the stub. Keeps public and protected members only, and no synthetic or bridge ones:
 * nothing else can be linked from the module.
 */
final class ClassFileReader {

	static final int ACC_PUBLIC = 0x0001;
	static final int ACC_PRIVATE = 0x0002;
	static final int ACC_PROTECTED = 0x0004;
	static final int ACC_STATIC = 0x0008;
	static final int ACC_FINAL = 0x0010;
	static final int ACC_BRIDGE = 0x0040;
	static final int ACC_INTERFACE = 0x0200;
	static final int ACC_ABSTRACT = 0x0400;
	static final int ACC_SYNTHETIC = 0x1000;
	static final int ACC_ANNOTATION = 0x2000;

	private static final String RETENTION = "Ljava/lang/annotation/Retention;";

	private ClassFileReader() {
	}

	/** Class-level access flags, to tell types the module can see from the rest without a full read. */
	static int accessFlags(byte[] classFile) {
		return read(classFile, (in, pool) -> in.readUnsignedShort());
	}

	static TypeSignature read(byte[] classFile) {
		return read(classFile, ClassFileReader::readType);
	}

	private static <T> T read(byte[] classFile, Body<T> body) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
			if (in.readInt() != 0xCAFEBABE) {
				throw new IllegalArgumentException("not a class file");
			}
			in.readUnsignedShort(); // minor version
			in.readUnsignedShort(); // major version: the layout read here is the same in every version
			return body.read(in, ConstantPool.read(in));
		} catch (IOException e) {
			throw new UncheckedIOException("truncated class file", e);
		}
	}

	private static TypeSignature readType(DataInputStream in, ConstantPool pool) throws IOException {
		int flags = in.readUnsignedShort();
		String name = pool.className(in.readUnsignedShort());
		int superIndex = in.readUnsignedShort();
		String superclass = superIndex == 0 ? null : pool.className(superIndex);
		List<String> interfaces = new ArrayList<>();
		for (int i = in.readUnsignedShort(); i > 0; i--) {
			interfaces.add(pool.className(in.readUnsignedShort()));
		}
		List<Member> members = new ArrayList<>();
		readMembers(in, pool, true, members);
		readMembers(in, pool, false, members);
		RetentionPolicy retention = null;
		for (int i = in.readUnsignedShort(); i > 0; i--) {
			String attribute = pool.utf8(in.readUnsignedShort());
			int length = in.readInt();
			if (attribute.equals("RuntimeVisibleAnnotations")) {
				retention = Annotations.retention(in, pool, RETENTION);
			} else {
				in.skipNBytes(length);
			}
		}
		TypeKind kind = kind(flags, superclass);
		if (kind == TypeKind.ANNOTATION && retention == null) {
			retention = RetentionPolicy.CLASS; // the default when an annotation type has no @Retention
		}
		if (kind != TypeKind.ANNOTATION) {
			retention = null;
		}
		boolean isInterface = (flags & ACC_INTERFACE) != 0;
		return new TypeSignature(name, kind, isInterface ? null : superclass, interfaces, members, retention);
	}

	private static TypeKind kind(int flags, String superclass) {
		if ((flags & ACC_ANNOTATION) != 0) {
			return TypeKind.ANNOTATION;
		}
		if ((flags & ACC_INTERFACE) != 0) {
			return TypeKind.INTERFACE;
		}
		if ("java.lang.Enum".equals(superclass)) {
			return TypeKind.ENUM; // the same rule the listing parser uses: javap shows an enum as a class extending Enum
		}
		if ((flags & ACC_ABSTRACT) != 0) {
			return TypeKind.ABSTRACT_CLASS;
		}
		return (flags & ACC_FINAL) != 0 ? TypeKind.FINAL_CLASS : TypeKind.CLASS;
	}

	private static void readMembers(DataInputStream in, ConstantPool pool, boolean fields, List<Member> members)
			throws IOException {
		for (int i = in.readUnsignedShort(); i > 0; i--) {
			int flags = in.readUnsignedShort();
			String name = pool.utf8(in.readUnsignedShort());
			String descriptor = pool.utf8(in.readUnsignedShort());
			Object constant = null;
			for (int a = in.readUnsignedShort(); a > 0; a--) {
				String attribute = pool.utf8(in.readUnsignedShort());
				int length = in.readInt();
				if (fields && attribute.equals("ConstantValue")) {
					constant = pool.constant(in.readUnsignedShort(), descriptor);
				} else {
					in.skipNBytes(length);
				}
			}
			// ACC_BRIDGE is the same bit as a field's ACC_VOLATILE, so it only means "bridge" on methods
			boolean generated = (flags & ACC_SYNTHETIC) != 0 || (!fields && (flags & ACC_BRIDGE) != 0);
			boolean visible = (flags & (ACC_PUBLIC | ACC_PROTECTED)) != 0;
			if (visible && !generated && !name.equals("<clinit>")) {
				Access access = (flags & ACC_PUBLIC) != 0 ? Access.PUBLIC : Access.PROTECTED;
				members.add(new Member(name, descriptor, access, (flags & ACC_STATIC) != 0,
						(flags & ACC_ABSTRACT) != 0, (flags & ACC_FINAL) != 0, constant));
			}
		}
	}

	@FunctionalInterface
	private interface Body<T> {
		T read(DataInputStream in, ConstantPool pool) throws IOException;
	}
}
