package org.openmrs.module.webhooks.stubcheck;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads one member line of a javap listing: modifiers, the method's own type parameters, the type and
 * name (a constructor has no type and is named after the class), the parameters, a throws clause (not
 * part of the descriptor) and, for constants, {@code = value}.
 */
final class MemberLineParser {

	private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
			"abstract", "synchronized", "native", "transient", "volatile", "strictfp", "default");

	private MemberLineParser() {
	}

	static Member parse(String line, ReferenceParser.Header header) {
		String declaration = line.substring(0, line.length() - 1).trim();
		String constant = null;
		int equals = declaration.indexOf(" = ");
		if (equals >= 0) {
			// the declaration part of a javap line never contains '=', so the first one starts the value
			constant = declaration.substring(equals + 3);
			declaration = declaration.substring(0, equals).trim();
		}

		Set<String> modifiers = new LinkedHashSet<>();
		String rest = declaration;
		while (true) {
			int space = rest.indexOf(' ');
			if (space < 0 || !MODIFIERS.contains(rest.substring(0, space))) {
				break;
			}
			modifiers.add(rest.substring(0, space));
			rest = rest.substring(space + 1).trim();
		}
		Map<String, String> typeVariables = header.typeVariables();
		if (rest.startsWith("<")) {
			int close = JavapTypes.closingAngle(rest, 0);
			typeVariables = JavapTypes.declareTypeVariables(rest.substring(0, close + 1), header.typeVariables());
			rest = rest.substring(close + 1).trim();
		}

		String name;
		String descriptor;
		int open = indexOfTopLevel(rest, '(');
		if (open < 0) {
			int space = lastIndexOfTopLevel(rest, ' ');
			if (space < 0) {
				throw new IllegalArgumentException("a field needs a type and a name");
			}
			name = rest.substring(space + 1);
			descriptor = JavapTypes.descriptor(rest.substring(0, space), typeVariables);
		} else {
			int close = rest.indexOf(')', open);
			if (close < 0) {
				throw new IllegalArgumentException("unclosed parameter list");
			}
			String after = rest.substring(close + 1).trim();
			if (!after.isEmpty() && !after.startsWith("throws ")) {
				throw new IllegalArgumentException("unexpected text after the parameters: " + after);
			}
			StringBuilder parameters = new StringBuilder("(");
			String parameterList = rest.substring(open + 1, close);
			if (!parameterList.isBlank()) {
				for (String parameter : JavapTypes.splitTopLevel(parameterList, ',')) {
					parameters.append(JavapTypes.descriptor(parameter, typeVariables));
				}
			}
			parameters.append(')');
			String head = rest.substring(0, open).trim();
			int space = lastIndexOfTopLevel(head, ' ');
			if (space < 0) {
				// javap prints a constructor as the class name with no return type
				if (!JavapTypes.binaryName(head).replace('$', '.').equals(header.name().replace('$', '.'))) {
					throw new IllegalArgumentException("a method needs a return type");
				}
				name = Member.CONSTRUCTOR;
				descriptor = parameters + "V";
			} else {
				name = head.substring(space + 1);
				descriptor = parameters + JavapTypes.descriptor(head.substring(0, space), typeVariables);
			}
		}
		if (!Member.CONSTRUCTOR.equals(name) && !name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*")) {
			throw new IllegalArgumentException("not a member name: " + name);
		}
		Object value = constant == null ? null : JavapConstants.parse(constant, descriptor);
		return new Member(name, descriptor, access(modifiers, header), modifiers.contains("static"),
				modifiers.contains("abstract"), modifiers.contains("final"), value);
	}

	private static Access access(Set<String> modifiers, ReferenceParser.Header header) {
		if (modifiers.contains("public")) {
			return Access.PUBLIC;
		}
		if (modifiers.contains("protected")) {
			return Access.PROTECTED;
		}
		if (modifiers.contains("private")) {
			return Access.PRIVATE;
		}
		boolean isInterface = header.kind() == TypeKind.INTERFACE || header.kind() == TypeKind.ANNOTATION;
		return isInterface ? Access.PUBLIC : Access.PACKAGE;
	}

	private static int indexOfTopLevel(String text, char wanted) {
		int depth = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '<') {
				depth++;
			} else if (c == '>') {
				depth--;
			} else if (c == wanted && depth == 0) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOfTopLevel(String text, char wanted) {
		int depth = 0;
		for (int i = text.length() - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == '>') {
				depth++;
			} else if (c == '<') {
				depth--;
			} else if (c == wanted && depth == 0) {
				return i;
			}
		}
		return -1;
	}
}
