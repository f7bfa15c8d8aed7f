package org.openmrs.module.webhooks.stubcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one javap listing (a real OpenMRS class) into a {@link TypeSignature} with erased descriptors.
 * Lines before the class header (the "Compiled from" line, hand-written preamble) and lines that declare
 * nothing (braces, {@code static {};}) are skipped, as are {@code //} comments. A line in the body that
 * ends with {@code ;} but cannot be read is an error, so a damaged listing cannot pass unnoticed.
 */
final class ReferenceParser {

	private static final Pattern HEADER = Pattern.compile(
			"((?:(?:public|protected|private|abstract|final|static|strictfp|sealed|non-sealed)\\s+)*)"
					+ "(class|interface|enum|@interface)\\s+([^\\s<{]+)(.*)\\{");

	private static final Pattern CLAUSES = Pattern.compile("(?:extends\\s+(.*?))?\\s*(?:implements\\s+(.*?))?\\s*");

	private static final String ANNOTATION = "java.lang.annotation.Annotation";

	private static final String ENUM = "java.lang.Enum";

	private ReferenceParser() {
	}

	static TypeSignature parse(List<String> lines) {
		Header header = null;
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = withoutComment(lines.get(i)).trim();
			if (header != null && line.equals("}")) {
				break; // anything after the class body is notes, not members
			}
			try {
				if (header == null) {
					header = parseHeader(line);
				} else if (line.endsWith(";") && !line.equals("static {};")) {
					members.add(MemberLineParser.parse(line, header));
				}
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + lines.get(i), e);
			}
		}
		if (header == null) {
			throw new IllegalArgumentException("no class or interface declaration");
		}
		return new TypeSignature(header.name(), header.kind(), header.superclass(), header.interfaces(), members, null);
	}

	/** The class declaration line, or null for a line before it (preamble, "Compiled from"). */
	static Header parseHeader(String line) {
		Matcher header = HEADER.matcher(line);
		if (!header.matches()) {
			return null;
		}
		Set<String> modifiers = new HashSet<>(List.of(header.group(1).trim().split("\\s+")));
		String keyword = header.group(2);
		String name = JavapTypes.binaryName(header.group(3));
		String rest = header.group(4).trim();
		String typeParameters = "";
		if (rest.startsWith("<")) {
			int close = JavapTypes.closingAngle(rest, 0);
			typeParameters = rest.substring(0, close + 1);
			rest = rest.substring(close + 1).trim();
		}
		Matcher clauses = CLAUSES.matcher(rest);
		if (!clauses.matches()) {
			throw new IllegalArgumentException("cannot read the class header");
		}
		List<String> extended = names(clauses.group(1));
		List<String> implemented = names(clauses.group(2));
		Map<String, String> typeVariables = typeParameters.isEmpty() ? Map.of()
				: JavapTypes.declareTypeVariables(typeParameters, Map.of());

		boolean isInterface = keyword.equals("interface") || keyword.equals("@interface");
		if (isInterface) {
			// an interface's "extends" names interfaces; javap shows an annotation as an interface extending Annotation
			Set<String> interfaces = new LinkedHashSet<>(extended);
			if (keyword.equals("@interface")) {
				interfaces.add(ANNOTATION);
			}
			TypeKind kind = interfaces.contains(ANNOTATION) ? TypeKind.ANNOTATION : TypeKind.INTERFACE;
			return new Header(name, kind, null, List.copyOf(interfaces), typeVariables);
		}
		if (extended.size() > 1) {
			throw new IllegalArgumentException("a class extends one class");
		}
		String superclass = keyword.equals("enum") ? ENUM : extended.isEmpty() ? "java.lang.Object" : extended.get(0);
		return new Header(name, classKind(modifiers, superclass), superclass, implemented, typeVariables);
	}

	private static TypeKind classKind(Set<String> modifiers, String superclass) {
		if (superclass.equals(ENUM)) {
			return TypeKind.ENUM;
		}
		if (modifiers.contains("abstract")) {
			return TypeKind.ABSTRACT_CLASS;
		}
		return modifiers.contains("final") ? TypeKind.FINAL_CLASS : TypeKind.CLASS;
	}

	private static List<String> names(String list) {
		if (list == null || list.isBlank()) {
			return List.of();
		}
		return JavapTypes.splitTopLevel(list, ',').stream().map(JavapTypes::binaryName).toList();
	}

	/** Drops a {@code //} comment, unless the {@code //} is inside a quoted constant such as {@code "http://..."}. */
	static String withoutComment(String line) {
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote != 0 && c == '\\') {
				i++;
			} else if (quote == 0 && (c == '"' || c == '\'')) {
				quote = c;
			} else if (c == quote) {
				quote = 0;
			} else if (quote == 0 && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
				return line.substring(0, i);
			}
		}
		return line;
	}

	/** The class declaration: what members need from it (name, kind, the class's type variables). */
	record Header(String name, TypeKind kind, String superclass, List<String> interfaces,
			Map<String, String> typeVariables) {
	}
}
