package org.openmrs.module.webhooks.stubcheck;

/**
 * A constructor, method or field as the JVM links it: name plus erased descriptor. Constructors are
 * named {@code <init>}. {@code constantValue} is the value javac inlines into callers (a
 * {@code static final} String or primitive with a compile-time constant), or null.
 */
record Member(String name, String descriptor, Access access, boolean isStatic, boolean isAbstract, boolean isFinal,
		Object constantValue) {

	static final String CONSTRUCTOR = "<init>";

	boolean isField() {
		return !descriptor.startsWith("(");
	}

	/** What identifies the member in its type: fields by name and type, methods by name and parameters plus return type. */
	String key() {
		return isField() ? name + ":" + descriptor : name + descriptor;
	}
}
