package org.openmrs.module.webhooks.build.compare;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class file read into text that two compilations of the same source share exactly when they behave the
 * same at run time: the version, flags, superclass and interfaces; every field and method by name and descriptor
 * (bridges and synthetic members included), with its flags, its attributes (signature, annotations, throws,
 * constant value...) and its code; and the class's own attributes. Constant pool numbering, the order of members
 * and attributes, and debug information do not show.
 *
 * @param name the class's binary name ({@code org.openmrs.module.webhooks.web.resource.TargetResource})
 * @param header the class-level lines: version, flags, supertypes, attributes
 * @param members by {@link MemberText#key()}, in class file order
 */
record ClassText(String name, List<String> header, Map<String, MemberText> members) {

	/**
	 * A field or method.
	 *
	 * @param key {@code method name(descriptor)} or {@code field name:descriptor}, unique in its class
	 * @param flags the access flags in words, bridges and synthetic members saying so
	 * @param attributes every attribute but Code, by attribute name
	 * @param code the Code attribute as {@link Bytecode} renders it; empty for fields and bodiless methods
	 */
	record MemberText(String key, String flags, List<String> attributes, List<String> code) {

		long instructions() {
			return Bytecode.instructionCount(code);
		}
	}

	static ClassText read(byte[] classFile) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
			if (classFile.length < 10 || in.readInt() != 0xCAFEBABE) {
				throw new IllegalArgumentException("not a class file");
			}
			int minor = in.readUnsignedShort();
			int major = in.readUnsignedShort();
			ConstantPool pool = ConstantPool.read(in);
			int flags = in.readUnsignedShort();
			String name = pool.className(in.readUnsignedShort());
			int superIndex = in.readUnsignedShort();
			List<String> interfaces = new ArrayList<>();
			for (int n = in.readUnsignedShort(); n > 0; n--) {
				interfaces.add(pool.className(in.readUnsignedShort()));
			}
			List<RawMember> fields = readMembers(in, pool);
			List<RawMember> methods = readMembers(in, pool);
			List<RawAttribute> classAttributes = readAttributes(in, pool);
			if (in.read() != -1) {
				throw new IllegalArgumentException("bytes after the end of the class file");
			}

			Attributes attributes = new Attributes(pool);
			for (RawAttribute attribute : classAttributes) {
				if (attribute.name().equals("BootstrapMethods")) {
					pool.setBootstrapMethods(bootstrapMethods(attribute.body(), attributes));
				}
			}
			List<String> header = new ArrayList<>();
			header.add("version " + major + "." + minor);
			header.add("flags " + Flags.ofClass(flags));
			header.add("extends " + (superIndex == 0 ? "-" : pool.className(superIndex)));
			header.add("implements " + interfaces);
			header.addAll(render(classAttributes, attributes, Attributes.Context.CLASS));

			Map<String, MemberText> members = new LinkedHashMap<>();
			for (RawMember member : fields) {
				add(members, new MemberText("field " + member.name() + ":" + member.descriptor(), Flags.field(member.flags()),
				        render(member.attributes(), attributes, Attributes.Context.FIELD), List.of()));
			}
			for (RawMember member : methods) {
				List<String> code = List.of();
				List<RawAttribute> others = new ArrayList<>();
				for (RawAttribute attribute : member.attributes()) {
					if (attribute.name().equals("Code")) {
						code = Bytecode.render(attribute.body(), pool, attributes);
					}
					else {
						others.add(attribute);
					}
				}
				add(members, new MemberText("method " + member.name() + member.descriptor(), Flags.method(member.flags()),
				        render(others, attributes, Attributes.Context.METHOD), code));
			}
			return new ClassText(name.replace('/', '.'), header, members);
		}
		catch (IOException e) {
			throw new UncheckedIOException("truncated class file", e);
		}
	}

	private static void add(Map<String, MemberText> members, MemberText member) {
		if (members.put(member.key(), member) != null) {
			throw new IllegalArgumentException("two members " + member.key());
		}
	}

	/** The lines of each attribute, attributes in name order (their order in the class file does not count). */
	private static List<String> render(List<RawAttribute> raw, Attributes attributes, Attributes.Context context)
	        throws IOException {
		List<RawAttribute> sorted = new ArrayList<>(raw);
		sorted.sort(Comparator.comparing(RawAttribute::name));
		List<String> lines = new ArrayList<>();
		for (RawAttribute attribute : sorted) {
			if (!Attributes.DEBUG.contains(attribute.name())) {
				lines.addAll(attributes.render(attribute.name(), attribute.body(), context));
			}
		}
		return lines;
	}

	private static ConstantPool.BootstrapMethods bootstrapMethods(byte[] body, Attributes attributes) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
		List<byte[]> entries = new ArrayList<>();
		int count = in.readUnsignedShort();
		for (int i = 0; i < count; i++) {
			// re-read each entry on demand: rendering needs the pool, which needs these entries first
			int start = body.length - in.available();
			in.readUnsignedShort();
			int arguments = in.readUnsignedShort();
			in.skipNBytes(2L * arguments);
			entries.add(Arrays.copyOfRange(body, start, body.length - in.available()));
		}
		return index -> {
			if (index >= entries.size()) {
				throw new IllegalArgumentException("no bootstrap method " + index);
			}
			try {
				return attributes.bootstrapMethod(new DataInputStream(new ByteArrayInputStream(entries.get(index))));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		};
	}

	private static List<RawMember> readMembers(DataInputStream in, ConstantPool pool) throws IOException {
		List<RawMember> members = new ArrayList<>();
		for (int n = in.readUnsignedShort(); n > 0; n--) {
			int flags = in.readUnsignedShort();
			String name = pool.utf8(in.readUnsignedShort());
			String descriptor = pool.utf8(in.readUnsignedShort());
			members.add(new RawMember(flags, name, descriptor, readAttributes(in, pool)));
		}
		return members;
	}

	private static List<RawAttribute> readAttributes(DataInputStream in, ConstantPool pool) throws IOException {
		List<RawAttribute> attributes = new ArrayList<>();
		for (int n = in.readUnsignedShort(); n > 0; n--) {
			String name = pool.utf8(in.readUnsignedShort());
			byte[] body = new byte[in.readInt()];
			in.readFully(body);
			attributes.add(new RawAttribute(name, body));
		}
		return attributes;
	}

	private record RawMember(int flags, String name, String descriptor, List<RawAttribute> attributes) {
	}

	private record RawAttribute(String name, byte[] body) {
	}
}
