package org.openmrs.module.webhooks.build.compare;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A method's Code attribute (JVMS 4.7.3) as text: one line per instruction, with every constant pool operand
 * written out ({@code invokeinterface InterfaceMethod a/B.c:()V}) and every jump target, exception range and stack
 * map frame given as an instruction number rather than a byte offset. So two compilations compare equal exactly
 * when they run the same instructions on the same classes and members, whatever their pools' numbering; and the
 * first differing line says what differs ({@code invokevirtual} for {@code invokeinterface}, another owner
 * class, a missing {@code checkcast}). Line numbers and local variable names are debug information and left
 * out; {@code ldc} and {@code ldc_w} read the same (they differ only in the width of the pool index).
 */
final class Bytecode {

	private static final String[] MNEMONICS = ("nop aconst_null iconst_m1 iconst_0 iconst_1 iconst_2 iconst_3 iconst_4"
	        + " iconst_5 lconst_0 lconst_1 fconst_0 fconst_1 fconst_2 dconst_0 dconst_1 bipush sipush ldc ldc_w ldc2_w"
	        + " iload lload fload dload aload iload_0 iload_1 iload_2 iload_3 lload_0 lload_1 lload_2 lload_3 fload_0"
	        + " fload_1 fload_2 fload_3 dload_0 dload_1 dload_2 dload_3 aload_0 aload_1 aload_2 aload_3 iaload laload"
	        + " faload daload aaload baload caload saload istore lstore fstore dstore astore istore_0 istore_1 istore_2"
	        + " istore_3 lstore_0 lstore_1 lstore_2 lstore_3 fstore_0 fstore_1 fstore_2 fstore_3 dstore_0 dstore_1"
	        + " dstore_2 dstore_3 astore_0 astore_1 astore_2 astore_3 iastore lastore fastore dastore aastore bastore"
	        + " castore sastore pop pop2 dup dup_x1 dup_x2 dup2 dup2_x1 dup2_x2 swap iadd ladd fadd dadd isub lsub fsub"
	        + " dsub imul lmul fmul dmul idiv ldiv fdiv ddiv irem lrem frem drem ineg lneg fneg dneg ishl lshl ishr lshr"
	        + " iushr lushr iand land ior lor ixor lxor iinc i2l i2f i2d l2i l2f l2d f2i f2l f2d d2i d2l d2f i2b i2c i2s"
	        + " lcmp fcmpl fcmpg dcmpl dcmpg ifeq ifne iflt ifge ifgt ifle if_icmpeq if_icmpne if_icmplt if_icmpge"
	        + " if_icmpgt if_icmple if_acmpeq if_acmpne goto jsr ret tableswitch lookupswitch ireturn lreturn freturn"
	        + " dreturn areturn return getstatic putstatic getfield putfield invokevirtual invokespecial invokestatic"
	        + " invokeinterface invokedynamic new newarray anewarray arraylength athrow checkcast instanceof monitorenter"
	        + " monitorexit wide multianewarray ifnull ifnonnull goto_w jsr_w").split(" ");

	private static final int BIPUSH = 0x10, SIPUSH = 0x11, LDC = 0x12, LDC_W = 0x13, LDC2_W = 0x14;
	private static final int IINC = 0x84, RET = 0xa9, TABLESWITCH = 0xaa, LOOKUPSWITCH = 0xab;
	private static final int INVOKEINTERFACE = 0xb9, INVOKEDYNAMIC = 0xba, NEWARRAY = 0xbc, WIDE = 0xc4;
	private static final int MULTIANEWARRAY = 0xc5, GOTO_W = 0xc8, JSR_W = 0xc9;

	private static final String[] ARRAY_TYPES = { null, null, null, null, "boolean", "char", "float", "double", "byte",
	        "short", "int", "long" };

	private static final String[] VERIFICATION_TYPES = { "Top", "Integer", "Float", "Double", "Long", "Null",
	        "UninitializedThis" };

	private final ConstantPool pool;

	private final byte[] code;

	/** Byte offset of each instruction, in order; and the reverse. */
	private final List<Integer> offsets = new ArrayList<>();

	private final Map<Integer, Integer> indexAt = new HashMap<>();

	private Bytecode(ConstantPool pool, byte[] code) {
		this.pool = pool;
		this.code = code;
	}

	/** Instructions counted in a rendering: lines that start with an instruction number. */
	static long instructionCount(List<String> lines) {
		return lines.stream().filter(line -> !line.isEmpty() && Character.isDigit(line.charAt(0))).count();
	}

	/**
	 * The Code attribute's body as lines: limits, instructions, exception handlers, and the attributes that matter
	 * at run time (the stack map the verifier checks, type annotations). {@code attributes} renders those.
	 */
	static List<String> render(byte[] attribute, ConstantPool pool, Attributes attributes) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(attribute));
		int maxStack = in.readUnsignedShort();
		int maxLocals = in.readUnsignedShort();
		byte[] code = new byte[in.readInt()];
		in.readFully(code);
		Bytecode bytecode = new Bytecode(pool, code);
		bytecode.findInstructions();

		List<String> lines = new ArrayList<>();
		lines.add("max_stack " + maxStack + ", max_locals " + maxLocals);
		for (int i = 0; i < bytecode.offsets.size(); i++) {
			lines.add(i + ": " + bytecode.instruction(bytecode.offsets.get(i)));
		}
		for (int n = in.readUnsignedShort(); n > 0; n--) {
			String start = bytecode.label(in.readUnsignedShort());
			String end = bytecode.label(in.readUnsignedShort());
			String handler = bytecode.label(in.readUnsignedShort());
			int type = in.readUnsignedShort();
			lines.add("try " + start + " to " + end + " catch " + (type == 0 ? "any" : pool.className(type)) + " at " + handler);
		}
		for (int n = in.readUnsignedShort(); n > 0; n--) {
			String name = pool.utf8(in.readUnsignedShort());
			byte[] body = new byte[in.readInt()];
			in.readFully(body);
			if (name.equals("StackMapTable")) {
				lines.addAll(bytecode.stackMap(body));
			}
			else if (!Attributes.DEBUG.contains(name)) {
				lines.addAll(attributes.render(name, body, Attributes.Context.CODE));
			}
		}
		if (in.read() != -1) {
			throw new IllegalArgumentException("Code attribute longer than its contents");
		}
		return lines;
	}

	/** First pass: where each instruction starts (jump targets are rendered as instruction numbers). */
	private void findInstructions() {
		int offset = 0;
		while (offset < code.length) {
			indexAt.put(offset, offsets.size());
			offsets.add(offset);
			offset += length(offset);
		}
		if (offset != code.length) {
			throw new IllegalArgumentException("the last instruction runs past the end of the code");
		}
		indexAt.put(code.length, offsets.size()); // an exception range may end at the end of the code
	}

	private int length(int offset) {
		int opcode = u1(offset);
		if (opcode >= MNEMONICS.length) {
			throw new IllegalArgumentException("unknown opcode " + opcode + " at offset " + offset);
		}
		switch (opcode) {
			case TABLESWITCH: {
				int base = padded(offset);
				int low = s4(base + 4);
				int high = s4(base + 8);
				return base - offset + 12 + 4 * (high - low + 1);
			}
			case LOOKUPSWITCH: {
				int base = padded(offset);
				return base - offset + 8 + 8 * s4(base + 4);
			}
			case WIDE:
				return u1(offset + 1) == IINC ? 6 : 4;
			default:
				return 1 + operandLength(opcode);
		}
	}

	private static int operandLength(int opcode) {
		if (opcode == BIPUSH || opcode == LDC || opcode == NEWARRAY || opcode == RET
		        || (opcode >= 0x15 && opcode <= 0x19) || (opcode >= 0x36 && opcode <= 0x3a)) {
			return 1;
		}
		if (opcode == SIPUSH || opcode == LDC_W || opcode == LDC2_W || opcode == IINC || isBranch(opcode)
		        || (opcode >= 0xb2 && opcode <= 0xb8) || opcode == 0xbb || opcode == 0xbd || opcode == 0xc0
		        || opcode == 0xc1) {
			return 2;
		}
		if (opcode == MULTIANEWARRAY) {
			return 3;
		}
		if (opcode == INVOKEINTERFACE || opcode == INVOKEDYNAMIC || opcode == GOTO_W || opcode == JSR_W) {
			return 4;
		}
		return 0;
	}

	/** The two-byte branches: if*, goto, jsr, ifnull, ifnonnull. */
	private static boolean isBranch(int opcode) {
		return (opcode >= 0x99 && opcode <= 0xa8) || opcode == 0xc6 || opcode == 0xc7;
	}

	private String instruction(int offset) {
		int opcode = u1(offset);
		String mnemonic = MNEMONICS[opcode];
		if (opcode == LDC) {
			return "ldc " + pool.render(u1(offset + 1));
		}
		if (opcode == LDC_W || opcode == LDC2_W) {
			return "ldc " + pool.render(u2(offset + 1));
		}
		if (opcode == BIPUSH) {
			return mnemonic + " " + (byte) u1(offset + 1);
		}
		if (opcode == SIPUSH) {
			return mnemonic + " " + (short) u2(offset + 1);
		}
		if (opcode == IINC) {
			return mnemonic + " " + u1(offset + 1) + " " + (byte) u1(offset + 2);
		}
		if (opcode == NEWARRAY) {
			int type = u1(offset + 1);
			return mnemonic + " " + (type < ARRAY_TYPES.length && ARRAY_TYPES[type] != null ? ARRAY_TYPES[type] : "?" + type);
		}
		if (isBranch(opcode)) {
			return mnemonic + " " + label(offset + (short) u2(offset + 1));
		}
		if (opcode == GOTO_W || opcode == JSR_W) {
			return mnemonic + " " + label(offset + s4(offset + 1));
		}
		if (opcode == INVOKEINTERFACE) {
			return mnemonic + " " + pool.render(u2(offset + 1)) + " count " + u1(offset + 3);
		}
		if (opcode == MULTIANEWARRAY) {
			return mnemonic + " " + pool.render(u2(offset + 1)) + " dimensions " + u1(offset + 3);
		}
		if (opcode == TABLESWITCH) {
			int base = padded(offset);
			int low = s4(base + 4);
			int high = s4(base + 8);
			StringBuilder text = new StringBuilder(mnemonic).append(" default ").append(label(offset + s4(base)));
			for (int i = 0; i <= high - low; i++) {
				text.append(", ").append(low + i).append(" ").append(label(offset + s4(base + 12 + 4 * i)));
			}
			return text.toString();
		}
		if (opcode == LOOKUPSWITCH) {
			int base = padded(offset);
			StringBuilder text = new StringBuilder(mnemonic).append(" default ").append(label(offset + s4(base)));
			for (int i = 0, pairs = s4(base + 4); i < pairs; i++) {
				text.append(", ").append(s4(base + 8 + 8 * i)).append(" ").append(label(offset + s4(base + 12 + 8 * i)));
			}
			return text.toString();
		}
		if (opcode == WIDE) {
			int widened = u1(offset + 1);
			String text = "wide " + MNEMONICS[widened] + " " + u2(offset + 2);
			return widened == IINC ? text + " " + (short) u2(offset + 4) : text;
		}
		int operands = operandLength(opcode);
		if (operands == 1) {
			return mnemonic + " " + u1(offset + 1); // a local variable number (iload, astore, ret)
		}
		if (operands == 2 || opcode == INVOKEDYNAMIC) {
			return mnemonic + " " + pool.render(u2(offset + 1)); // field, method, class or call site
		}
		return mnemonic;
	}

	/** StackMapTable (JVMS 4.7.4), each frame at the instruction it describes. */
	private List<String> stackMap(byte[] body) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
		List<String> lines = new ArrayList<>();
		int offset = -1;
		for (int n = in.readUnsignedShort(); n > 0; n--) {
			int type = in.readUnsignedByte();
			String frame;
			int delta;
			if (type < 64) {
				delta = type;
				frame = "same";
			}
			else if (type < 128) {
				delta = type - 64;
				frame = "same_locals_1_stack_item " + verificationType(in);
			}
			else if (type < 247) {
				throw new IllegalArgumentException("reserved stack map frame type " + type);
			}
			else if (type == 247) {
				delta = in.readUnsignedShort();
				frame = "same_locals_1_stack_item " + verificationType(in);
			}
			else if (type < 251) {
				delta = in.readUnsignedShort();
				frame = "chop " + (251 - type);
			}
			else if (type == 251) {
				delta = in.readUnsignedShort();
				frame = "same";
			}
			else if (type < 255) {
				delta = in.readUnsignedShort();
				frame = "append " + verificationTypes(in, type - 251);
			}
			else {
				delta = in.readUnsignedShort();
				String locals = verificationTypes(in, in.readUnsignedShort());
				frame = "full locals " + locals + " stack " + verificationTypes(in, in.readUnsignedShort());
			}
			offset += delta + 1;
			lines.add("frame at " + label(offset) + ": " + frame);
		}
		return lines;
	}

	private String verificationTypes(DataInputStream in, int count) throws IOException {
		List<String> types = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			types.add(verificationType(in));
		}
		return types.toString();
	}

	private String verificationType(DataInputStream in) throws IOException {
		int tag = in.readUnsignedByte();
		if (tag < VERIFICATION_TYPES.length) {
			return VERIFICATION_TYPES[tag];
		}
		if (tag == 7) {
			return pool.className(in.readUnsignedShort());
		}
		if (tag == 8) {
			return "Uninitialized(new at " + label(in.readUnsignedShort()) + ")";
		}
		throw new IllegalArgumentException("unknown verification type " + tag);
	}

	/** The instruction number at a byte offset: {@code #12}. */
	private String label(int offset) {
		Integer index = indexAt.get(offset);
		if (index == null) {
			throw new IllegalArgumentException("no instruction starts at offset " + offset);
		}
		return "#" + index;
	}

	/** Where a switch's 4-byte-aligned operands start. */
	private static int padded(int offset) {
		return (offset + 4) & ~3;
	}

	private int u1(int at) {
		if (at >= code.length) {
			throw new IllegalArgumentException("instruction operand past the end of the code");
		}
		return code[at] & 0xff;
	}

	private int u2(int at) {
		return (u1(at) << 8) | u1(at + 1);
	}

	private int s4(int at) {
		return (u2(at) << 16) | u2(at + 2);
	}
}
