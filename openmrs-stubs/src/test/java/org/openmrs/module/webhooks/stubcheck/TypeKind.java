package org.openmrs.module.webhooks.stubcheck;

/**
 * What a type is, as far as linking is concerned: each pair differs in a way the JVM notices
 * (invokeinterface vs invokevirtual, instantiation, subclassing, annotation reading).
 */
enum TypeKind {
	CLASS("a class"),
	ABSTRACT_CLASS("an abstract class"),
	FINAL_CLASS("a final class"),
	INTERFACE("an interface"),
	ANNOTATION("an annotation"),
	ENUM("an enum");

	private final String description;

	TypeKind(String description) {
		this.description = description;
	}

	@Override
	public String toString() {
		return description;
	}
}
