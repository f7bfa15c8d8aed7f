package org.openmrs.module.webhooks.build.compare;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Class, field, method and code attributes (JVMS 4.7) as text lines, each starting with the attribute's name,
 * with constant pool references written out. Debug information (source file name, line numbers, local
 * variable names) is left out: it does not change what runs. An attribute this class does not know is shown as its bytes, so that it
 * still counts, strictly.
 */
final class Attributes {

	/** Debug information (javac -g): never compared. */
	static final Set<String> DEBUG = Set.of("SourceFile", "LineNumberTable", "LocalVariableTable", "LocalVariableTypeTable");

	enum Context {
		CLASS, FIELD, METHOD, CODE
	}

	private final ConstantPool pool;

	Attributes(ConstantPool pool) {
		this.pool = pool;
	}

	List<String> render(String name, byte[] body, Context context) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
		List<String> lines = new ArrayList<>();
		switch (name) {
			case "Signature" -> lines.add(name + " " + pool.utf8(in.readUnsignedShort()));
			case "ConstantValue" -> lines.add(name + " " + pool.render(in.readUnsignedShort()));
			case "Synthetic", "Deprecated" -> lines.add(name);
			case "Exceptions", "NestMembers", "PermittedSubclasses" -> lines.add(name + " " + classes(in));
			case "NestHost" -> lines.add(name + " " + pool.className(in.readUnsignedShort()));
			case "EnclosingMethod" -> {
				String owner = pool.className(in.readUnsignedShort());
				int method = in.readUnsignedShort();
				lines.add(name + " " + owner + (method == 0 ? "" : "." + pool.nameAndType(method)));
			}
			case "InnerClasses" -> {
				// one line per entry, sorted: the order says nothing at run time
				for (int n = in.readUnsignedShort(); n > 0; n--) {
					String inner = optionalClass(in.readUnsignedShort());
					String outer = optionalClass(in.readUnsignedShort());
					int innerName = in.readUnsignedShort();
					String flags = Flags.innerClass(in.readUnsignedShort());
					lines.add(name + " " + inner + " in " + outer + " named " + (innerName == 0 ? "-" : pool.utf8(innerName))
					        + " [" + flags + "]");
				}
				lines.sort(null);
			}
			case "BootstrapMethods" -> {
				// rendered where they are used (invokedynamic); listed here as a set, their numbering does not count
				List<String> methods = new ArrayList<>();
				for (int n = in.readUnsignedShort(); n > 0; n--) {
					methods.add(name + " " + bootstrapMethod(in));
				}
				methods.sort(null);
				lines.addAll(methods);
			}
			case "MethodParameters" -> {
				for (int n = in.readUnsignedByte(); n > 0; n--) {
					int parameter = in.readUnsignedShort();
					lines.add(name + " " + (parameter == 0 ? "-" : pool.utf8(parameter)) + " [" + Flags.parameter(in.readUnsignedShort())
					        + "]");
				}
			}
			case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" -> {
				for (int n = in.readUnsignedShort(); n > 0; n--) {
					lines.add(name + " " + annotation(in));
				}
			}
			case "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations" -> {
				int parameters = in.readUnsignedByte();
				for (int p = 0; p < parameters; p++) {
					for (int n = in.readUnsignedShort(); n > 0; n--) {
						lines.add(name + " parameter " + p + " " + annotation(in));
					}
				}
			}
			case "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" -> {
				for (int n = in.readUnsignedShort(); n > 0; n--) {
					lines.add(name + " " + typeAnnotation(in, context));
				}
			}
			case "AnnotationDefault" -> lines.add(name + " " + elementValue(in));
			default -> lines.add(name + " bytes " + HexFormat.of().formatHex(body));
		}
		if (in.read() != -1) {
			throw new IllegalArgumentException(name + " attribute longer than its contents");
		}
		return lines;
	}

	/** One entry of the BootstrapMethods attribute: its method handle and its static arguments. */
	String bootstrapMethod(DataInputStream in) throws IOException {
		String handle = pool.render(in.readUnsignedShort());
		List<String> arguments = new ArrayList<>();
		for (int n = in.readUnsignedShort(); n > 0; n--) {
			arguments.add(pool.render(in.readUnsignedShort()));
		}
		return handle + " " + arguments;
	}

	private String classes(DataInputStream in) throws IOException {
		List<String> names = new ArrayList<>();
		for (int n = in.readUnsignedShort(); n > 0; n--) {
			names.add(pool.className(in.readUnsignedShort()));
		}
		return names.toString();
	}

	private String optionalClass(int index) {
		return index == 0 ? "-" : pool.className(index);
	}

	private String annotation(DataInputStream in) throws IOException {
		StringBuilder text = new StringBuilder("@").append(pool.utf8(in.readUnsignedShort())).append("(");
		for (int n = in.readUnsignedShort(), i = 0; i < n; i++) {
			text.append(i == 0 ? "" : ", ").append(pool.utf8(in.readUnsignedShort())).append("=").append(elementValue(in));
		}
		return text.append(")").toString();
	}

	private String elementValue(DataInputStream in) throws IOException {
		char tag = (char) in.readUnsignedByte();
		return switch (tag) {
			case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's' -> tag + ":" + pool.render(in.readUnsignedShort());
			case 'e' -> {
				String type = pool.utf8(in.readUnsignedShort());
				yield type + "." + pool.utf8(in.readUnsignedShort());
			}
			case 'c' -> "class " + pool.utf8(in.readUnsignedShort());
			case '@' -> annotation(in);
			case '[' -> {
				List<String> values = new ArrayList<>();
				for (int n = in.readUnsignedShort(); n > 0; n--) {
					values.add(elementValue(in));
				}
				yield values.toString();
			}
			default -> throw new IllegalArgumentException("unknown annotation element tag " + tag);
		};
	}

	/** A type annotation (JVMS 4.7.20): its target and type path as numbers, then the annotation. */
	private String typeAnnotation(DataInputStream in, Context context) throws IOException {
		int target = in.readUnsignedByte();
		StringBuilder text = new StringBuilder("target 0x").append(Integer.toHexString(target));
		switch (target) {
			case 0x00, 0x01, 0x16 -> text.append(" ").append(in.readUnsignedByte());
			case 0x10, 0x17, 0x42, 0x43, 0x44, 0x45, 0x46 -> text.append(" ").append(in.readUnsignedShort());
			case 0x11, 0x12 -> text.append(" ").append(in.readUnsignedByte()).append(" ").append(in.readUnsignedByte());
			case 0x13, 0x14, 0x15 -> {
			}
			case 0x40, 0x41 -> {
				for (int n = in.readUnsignedShort(); n > 0; n--) {
					text.append(" [").append(in.readUnsignedShort()).append(" +").append(in.readUnsignedShort()).append(" local ")
					        .append(in.readUnsignedShort()).append("]");
				}
			}
			case 0x47, 0x48, 0x49, 0x4a, 0x4b -> text.append(" ").append(in.readUnsignedShort()).append(" ").append(in.readUnsignedByte());
			default -> throw new IllegalArgumentException("unknown type annotation target 0x" + Integer.toHexString(target)
			        + " in a " + context + " attribute");
		}
		text.append(" path");
		for (int n = in.readUnsignedByte(); n > 0; n--) {
			text.append(" ").append(in.readUnsignedByte()).append("/").append(in.readUnsignedByte());
		}
		return text.append(" ").append(annotation(in)).toString();
	}
}
