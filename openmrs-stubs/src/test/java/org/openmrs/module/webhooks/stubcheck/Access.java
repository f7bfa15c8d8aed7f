package org.openmrs.module.webhooks.stubcheck;

/** Member access, widest first; a stub member may not be wider than the real one (IllegalAccessError). */
enum Access {
	PUBLIC("public"),
	PROTECTED("protected"),
	PACKAGE("package-private"),
	PRIVATE("private");

	private final String keyword;

	Access(String keyword) {
		this.keyword = keyword;
	}

	boolean isWiderThan(Access other) {
		return ordinal() < other.ordinal();
	}

	@Override
	public String toString() {
		return keyword;
	}
}
