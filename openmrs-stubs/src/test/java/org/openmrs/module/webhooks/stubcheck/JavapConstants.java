package org.openmrs.module.webhooks.stubcheck;

/**
 * Values of {@code static final} constants as {@code javap -constants} prints them
 * ({@code = "v1"}, {@code = 42}, {@code = 42l}, {@code = 1.5f}, {@code = 1.5d}, {@code = 'x'}, {@code = true}),
 * read into the same Java objects the class file reader produces, so the two compare with equals.
 */
final class JavapConstants {

	private JavapConstants() {
	}

	static Object parse(String text, String descriptor) {
		String value = text.trim();
		try {
			return switch (descriptor) {
				case "Ljava/lang/String;" -> unquote(value, '"');
				case "Z" -> parseBoolean(value);
				case "C" -> {
					String c = unquote(value, '\'');
					if (c.length() != 1) {
						throw new IllegalArgumentException("not one char");
					}
					yield c.charAt(0);
				}
				case "B", "S", "I" -> Integer.valueOf(value);
				case "J" -> Long.valueOf(withoutSuffix(value, 'l'));
				case "F" -> Float.valueOf(withoutSuffix(value, 'f'));
				case "D" -> Double.valueOf(withoutSuffix(value, 'd'));
				default -> throw new IllegalArgumentException("no constants of type " + descriptor);
			};
		} catch (RuntimeException e) {
			throw new IllegalArgumentException("bad constant value " + text + " for " + descriptor + ": " + e.getMessage(), e);
		}
	}

	/** How problem messages show a value: strings and chars quoted like Java source. */
	static String format(Object value) {
		if (value instanceof String s) {
			return "\"" + s + "\"";
		}
		if (value instanceof Character c) {
			return "'" + c + "'";
		}
		return String.valueOf(value);
	}

	private static Boolean parseBoolean(String value) {
		if (!value.equals("true") && !value.equals("false")) {
			throw new IllegalArgumentException("not a boolean");
		}
		return Boolean.valueOf(value);
	}

	private static String withoutSuffix(String value, char suffix) {
		char last = Character.toLowerCase(value.charAt(value.length() - 1));
		return last == suffix ? value.substring(0, value.length() - 1) : value;
	}

	private static String unquote(String value, char quote) {
		if (value.length() < 2 || value.charAt(0) != quote || value.charAt(value.length() - 1) != quote) {
			throw new IllegalArgumentException("not quoted with " + quote);
		}
		return unescape(value.substring(1, value.length() - 1));
	}

	/** javap escapes like Java source: \n, \t, \", \\, \u0000 and friends. */
	static String unescape(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (++i == text.length()) {
				throw new IllegalArgumentException("dangling backslash");
			}
			char e = text.charAt(i);
			switch (e) {
				case 'b' -> out.append('\b');
				case 't' -> out.append('\t');
				case 'n' -> out.append('\n');
				case 'f' -> out.append('\f');
				case 'r' -> out.append('\r');
				case '"', '\'', '\\' -> out.append(e);
				case 'u' -> {
					while (text.charAt(i) == 'u') {
						i++;
					}
					out.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
					i += 3;
				}
				default -> {
					if (e < '0' || e > '7') {
						throw new IllegalArgumentException("unknown escape \\" + e);
					}
					int end = i;
					while (end < text.length() && end < i + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
						end++;
					}
					out.append((char) Integer.parseInt(text.substring(i, end), 8));
					i = end - 1;
				}
			}
		}
		return out.toString();
	}
}
