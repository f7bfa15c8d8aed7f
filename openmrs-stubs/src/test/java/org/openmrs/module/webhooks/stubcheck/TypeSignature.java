package org.openmrs.module.webhooks.stubcheck;

import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Optional;

/**
 * A type as the JVM links it. Names are binary names ({@code org.openmrs.module.Extension$MEDIA_TYPE}).
 * {@code superclass} is null for interfaces and annotations. {@code retention} is known only for stub
 * annotations (javap listings do not show it) and null otherwise.
 */
record TypeSignature(String name, TypeKind kind, String superclass, List<String> interfaces, List<Member> members,
		RetentionPolicy retention) {

	TypeSignature {
		interfaces = List.copyOf(interfaces);
		members = List.copyOf(members);
	}

	Optional<Member> member(String key) {
		return members.stream().filter(m -> m.key().equals(key)).findFirst();
	}

	List<Member> membersNamed(String memberName) {
		return members.stream().filter(m -> m.name().equals(memberName)).toList();
	}

	String packageName() {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(0, dot);
	}
}
