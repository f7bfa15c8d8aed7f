package org.openmrs.module.webhooks.stubcheck;

import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares compiled stubs with the listings of the real classes and names every difference that would
 * compile here but fail to link in production. Members the real class has and the stub lacks are fine:
 * a stub holds only what the module uses.
 */
final class StubChecker {

	/**
	 * Annotations OpenMRS reads by reflection at run time: the REST module's (resources, property getters and
	 * setters) and core's (@Authorized on service methods). Retention is decided when the module is
	 * compiled, by the stub: a stub without RUNTIME retention makes javac record the annotation as invisible,
	 * and the real OpenMRS then silently never sees it (no resource registered, no privilege check).
	 */
	static final Set<String> RUNTIME_READ_ANNOTATION_PACKAGES = Set.of(
			"org.openmrs.module.webservices.rest.web.annotation", "org.openmrs.annotation");

	private final Map<String, TypeSignature> reference;

	private final ReferenceHierarchy hierarchy;

	StubChecker(Map<String, TypeSignature> reference) {
		this.reference = reference;
		this.hierarchy = new ReferenceHierarchy(reference);
	}

	/** Every problem of every stub, in a stable order; empty when the stubs link against the real classes. */
	List<String> check(Collection<TypeSignature> stubs) {
		List<String> problems = new ArrayList<>();
		stubs.stream().sorted(Comparator.comparing(TypeSignature::name)).forEach(stub -> checkType(stub, problems));
		return problems;
	}

	private void checkType(TypeSignature stub, List<String> problems) {
		checkRetention(stub, problems);
		TypeSignature real = reference.get(stub.name());
		if (real == null) {
			problems.add("stub type " + stub.name() + " has no reference listing");
			return;
		}
		if (stub.kind() != real.kind()) {
			problems.add("stub type " + stub.name() + " is " + stub.kind() + " but " + real.kind() + " in the reference");
		}
		checkSupertypes(stub, problems);
		for (Member member : stub.members()) {
			Optional<Member> realMember = real.member(member.key());
			if (realMember.isPresent()) {
				new MemberComparison(stub.name(), member, realMember.get()).problems().forEach(problems::add);
			} else if (!isImplicitEnumMethod(stub, member)) {
				problems.add(missing(stub.name(), member, real));
			}
		}
	}

	private void checkRetention(TypeSignature stub, List<String> problems) {
		if (stub.kind() == TypeKind.ANNOTATION && RUNTIME_READ_ANNOTATION_PACKAGES.contains(stub.packageName())
				&& stub.retention() != RetentionPolicy.RUNTIME) {
			problems.add("stub annotation " + stub.name() + " has retention " + stub.retention()
					+ " but OpenMRS reads it at run time: it needs @Retention(RUNTIME)");
		}
	}

	/**
	 * A stub may leave supertypes out (less to write) but may not claim one the real class does not have:
	 * module code assigning the type to it would compile and then fail to verify or link. Only definite
	 * contradictions are reported: where the listings do not reach, the hierarchy is not known.
	 */
	private void checkSupertypes(TypeSignature stub, List<String> problems) {
		ReferenceHierarchy.Supertypes real = hierarchy.supertypesOf(stub.name());
		if (!real.complete()) {
			return;
		}
		List<String> claimed = new ArrayList<>(stub.interfaces());
		if (stub.superclass() != null && !stub.superclass().equals("java.lang.Object")) {
			claimed.add(0, stub.superclass());
		}
		for (String supertype : claimed) {
			if (!real.names().contains(supertype)) {
				problems.add("stub type " + stub.name() + " has supertype " + supertype + ", which the reference's "
						+ stub.name() + " does not have");
			}
		}
	}

	/** javac adds values() and valueOf(String) to every enum; hand-written listings may leave them out. */
	private static boolean isImplicitEnumMethod(TypeSignature stub, Member member) {
		String self = "L" + stub.name().replace('.', '/') + ";";
		return stub.kind() == TypeKind.ENUM && member.isStatic()
				&& (member.key().equals("values()[" + self) || member.key().equals("valueOf(Ljava/lang/String;)" + self));
	}

	private static String missing(String type, Member member, TypeSignature real) {
		String text = display(type, member) + " is not in the reference";
		List<Member> sameName = real.membersNamed(member.name());
		if (sameName.isEmpty()) {
			return text;
		}
		// the usual mistake is a wrong type (int for Integer, a missing generic erasure): show what is there
		return text + " (the reference has " + sameName.stream().map(m -> display(real.name(), m))
				.collect(Collectors.joining(", ")) + ")";
	}

	/** How problems name a member: {@code org.x.Type.name(params)return} or {@code org.x.Type.FIELD:type}, as the JVM does. */
	static String display(String type, Member member) {
		return type + "." + member.key();
	}
}
