package org.openmrs.module.webhooks.stubcheck;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The supertypes a real class has, as far as the listings tell. Non-OpenMRS supertypes (java.*, Spring,
 * Hibernate) are followed through the real classes on the test classpath; an OpenMRS supertype with no
 * listing ends the walk there, and the answer says it may be incomplete. OpenMRS types are never
 * loaded: on this classpath they would be the stubs, which are what is being checked.
 */
final class ReferenceHierarchy {

	private final Map<String, TypeSignature> reference;

	ReferenceHierarchy(Map<String, TypeSignature> reference) {
		this.reference = reference;
	}

	/** All proper supertypes of the listed type {@code name}; {@code complete} is false where the walk had to stop. */
	Supertypes supertypesOf(String name) {
		Set<String> found = new LinkedHashSet<>();
		boolean complete = true;
		Deque<String> pending = new ArrayDeque<>();
		addDirectSupertypes(reference.get(name), pending);
		while (!pending.isEmpty()) {
			String type = pending.pop();
			if (!found.add(type)) {
				continue;
			}
			TypeSignature listed = reference.get(type);
			if (listed != null) {
				addDirectSupertypes(listed, pending);
			} else if (!type.startsWith("org.openmrs.")) {
				complete &= addLoadableSupertypes(type, pending);
			} else {
				complete = false;
			}
		}
		return new Supertypes(found, complete);
	}

	private static void addDirectSupertypes(TypeSignature type, Deque<String> pending) {
		if (type.superclass() != null) {
			pending.push(type.superclass());
		}
		type.interfaces().forEach(pending::push);
	}

	private static boolean addLoadableSupertypes(String name, Deque<String> pending) {
		try {
			Class<?> type = Class.forName(name, false, ReferenceHierarchy.class.getClassLoader());
			if (type.getSuperclass() != null) {
				pending.push(type.getSuperclass().getName());
			}
			for (Class<?> implemented : type.getInterfaces()) {
				pending.push(implemented.getName());
			}
			return true;
		} catch (ClassNotFoundException | LinkageError e) {
			return false;
		}
	}

	record Supertypes(Set<String> names, boolean complete) {
	}
}
