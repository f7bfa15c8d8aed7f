package org.openmrs.module.webhooks.stubcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The differences between a stub member and the real member of the same name and descriptor that break
 * linking or behaviour. Each names the direction because only one direction hurts: a stub may be
 * stricter than the real class (final, abstract, narrower access), never looser.
 */
final class MemberComparison {

	private final String name;

	private final Member stub;

	private final Member real;

	MemberComparison(String type, Member stub, Member real) {
		this.name = StubChecker.display(type, stub);
		this.stub = stub;
		this.real = real;
	}

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		// invokestatic vs invokevirtual/getstatic vs getfield: IncompatibleClassChangeError either way
		if (real.isStatic() && !stub.isStatic()) {
			problems.add(name + " is static in the reference but not in the stub");
		} else if (stub.isStatic() && !real.isStatic()) {
			problems.add(name + " is static in the stub but not in the reference");
		}
		// the module's subclass could leave it out and get AbstractMethodError when it is called
		if (real.isAbstract() && !stub.isAbstract()) {
			problems.add(name + " is abstract in the reference but not in the stub");
		}
		// overriding a final method fails class loading; writing a final field fails with IllegalAccessError
		if (real.isFinal() && !stub.isFinal()) {
			problems.add(name + " is final in the reference but not in the stub");
		}
		if (stub.access().isWiderThan(real.access())) {
			problems.add(name + " is " + real.access() + " in the reference but " + stub.access() + " in the stub");
		}
		checkConstant(problems);
		return problems;
	}

	/** javac copies a compile-time constant's value into the module's code: the stub's value is what runs. */
	private void checkConstant(List<String> problems) {
		if (stub.constantValue() == null || Objects.equals(stub.constantValue(), real.constantValue())) {
			return;
		}
		String stubValue = JavapConstants.format(stub.constantValue());
		if (real.constantValue() == null) {
			problems.add(name + " is the constant " + stubValue + " in the stub but the reference shows no value:"
					+ " javac would inline an unchecked value (list the value, or do not make it a constant)");
		} else {
			problems.add(name + " is the constant " + stubValue + " in the stub but "
					+ JavapConstants.format(real.constantValue()) + " in the reference");
		}
	}
}
