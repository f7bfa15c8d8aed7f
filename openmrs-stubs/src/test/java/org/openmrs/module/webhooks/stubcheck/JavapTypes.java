package org.openmrs.module.webhooks.stubcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Erasure of the types javap prints. javap shows the generic signature when a member has one
 * ({@code <T> java.util.List<T> getRegisteredComponents(java.lang.Class<T>)}), but the JVM links by the
 * erased descriptor ({@code (Ljava/lang/Class;)Ljava/util/List;}), so that is what stubs are compared by.
 * Type variables are passed as a map from name to the descriptor of their erasure.
 */
final class JavapTypes {

	static final String OBJECT = "Ljava/lang/Object;";

	private static final Map<String, String> PRIMITIVES = Map.of("boolean", "Z", "byte", "B", "char", "C", "short", "S",
			"int", "I", "long", "J", "float", "F", "double", "D", "void", "V");

	private JavapTypes() {
	}

	/** The erased descriptor of a type such as {@code java.util.Map<K, V>[]}, {@code T} or {@code java.lang.String...}. */
	static String descriptor(String type, Map<String, String> typeVariables) {
		String erased = stripTypeArguments(type).trim();
		StringBuilder dimensions = new StringBuilder();
		if (erased.endsWith("...")) {
			// varargs are an array parameter to the JVM
			dimensions.append('[');
			erased = erased.substring(0, erased.length() - 3).trim();
		}
		while (erased.endsWith("[]")) {
			dimensions.append('[');
			erased = erased.substring(0, erased.length() - 2).trim();
		}
		return dimensions + elementDescriptor(erased, typeVariables);
	}

	/** The binary name of a class type as javap prints it: {@code java.lang.Comparable<X>} gives {@code java.lang.Comparable}. */
	static String binaryName(String type) {
		String erased = stripTypeArguments(type).trim();
		if (!isQualifiedName(erased)) {
			throw new IllegalArgumentException("not a class name: " + type);
		}
		return erased;
	}

	/**
	 * The erasures of the type variables declared by {@code <...>} (a class's or a method's), added to
	 * those of the enclosing scope. A variable erases to the erasure of its first bound, Object without one.
	 */
	static Map<String, String> declareTypeVariables(String declaration, Map<String, String> enclosing) {
		String text = declaration.trim();
		if (!text.startsWith("<") || closingAngle(text, 0) != text.length() - 1) {
			throw new IllegalArgumentException("not a type parameter list: " + declaration);
		}
		Map<String, String> firstBounds = new LinkedHashMap<>();
		for (String parameter : splitTopLevel(text.substring(1, text.length() - 1), ',')) {
			String[] nameAndBounds = parameter.trim().split("\\s+extends\\s+", 2);
			String bound = nameAndBounds.length == 2 ? splitTopLevel(nameAndBounds[1], '&').get(0).trim() : null;
			firstBounds.put(nameAndBounds[0].trim(), bound);
		}
		Map<String, String> scope = new HashMap<>(enclosing);
		for (String variable : firstBounds.keySet()) {
			scope.put(variable, erasure(variable, firstBounds, enclosing, new HashSet<>()));
		}
		return scope;
	}

	private static String erasure(String variable, Map<String, String> firstBounds, Map<String, String> enclosing,
			Set<String> visiting) {
		String bound = firstBounds.get(variable);
		if (bound == null) {
			return OBJECT;
		}
		String boundName = stripTypeArguments(bound).trim();
		if (firstBounds.containsKey(boundName)) {
			// <A, B extends A>: B erases to whatever A erases to
			if (!visiting.add(variable)) {
				throw new IllegalArgumentException("cyclic type variable bounds at " + variable);
			}
			return erasure(boundName, firstBounds, enclosing, visiting);
		}
		return descriptor(bound, enclosing);
	}

	private static String elementDescriptor(String type, Map<String, String> typeVariables) {
		String primitive = PRIMITIVES.get(type);
		if (primitive != null) {
			return primitive;
		}
		String variable = typeVariables.get(type);
		if (variable != null) {
			return variable;
		}
		if (!isQualifiedName(type)) {
			// javap prints every class fully qualified, so a bare name must be a type variable we were not told of
			throw new IllegalArgumentException("unknown type or undeclared type variable: " + type);
		}
		return "L" + type.replace('.', '/') + ";";
	}

	private static boolean isQualifiedName(String type) {
		return type.contains(".") && type.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");
	}

	/**
	 * Drops generic arguments: {@code java.util.List<java.util.Map<K, V>>[]} gives {@code java.util.List[]}.
	 * A member type of a parameterized type ({@code Outer<T>.Inner}) becomes {@code Outer$Inner}.
	 */
	static String stripTypeArguments(String type) {
		StringBuilder out = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < type.length(); i++) {
			char c = type.charAt(i);
			if (c == '<') {
				depth++;
			} else if (c == '>') {
				if (--depth < 0) {
					throw new IllegalArgumentException("unbalanced '>' in " + type);
				}
				boolean memberTypeFollows = i + 2 < type.length() && type.charAt(i + 1) == '.'
						&& Character.isJavaIdentifierStart(type.charAt(i + 2)); // and not the "..." of varargs
				if (depth == 0 && memberTypeFollows) {
					out.append('$');
					i++;
				}
			} else if (depth == 0) {
				out.append(c);
			}
		}
		if (depth != 0) {
			throw new IllegalArgumentException("unbalanced '<' in " + type);
		}
		return out.toString();
	}

	/** Splits at {@code separator}s that are not inside {@code <...>}. */
	static List<String> splitTopLevel(String text, char separator) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '<') {
				depth++;
			} else if (c == '>') {
				depth--;
			} else if (c == separator && depth == 0) {
				parts.add(text.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

	/** Index of the {@code >} that closes the {@code <} at {@code open}. */
	static int closingAngle(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '<') {
				depth++;
			} else if (c == '>' && --depth == 0) {
				return i;
			}
		}
		throw new IllegalArgumentException("unbalanced '<' in " + text);
	}
}
