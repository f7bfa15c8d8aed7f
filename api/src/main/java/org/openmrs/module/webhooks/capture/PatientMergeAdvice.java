package org.openmrs.module.webhooks.capture;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.openmrs.OpenmrsObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advice around {@code PatientService.mergePatients} (both overloads), added to core's service by the module's
 * activator (not declared in config.xml). It only leaves a per-thread note naming the kept and the merged-away
 * patients; the capture interceptor turns it into one {@code patient.merged} event per merged-away patient, written
 * in the transaction that commits the merge, whether this advice runs outside that transaction or inside it.
 * Nothing is raised when the merge throws. Stateless.
 */
public class PatientMergeAdvice implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(PatientMergeAdvice.class);

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		MergeNote note = null;
		try {
			note = open(invocation.getMethod(), invocation.getArguments());
		}
		catch (RuntimeException e) {
			log.warn("Webhooks: could not note a patient merge ({}); no patient.merged event will be raised",
			    e.getClass().getName());
		}
		if (note == null) {
			return invocation.proceed();
		}
		boolean succeeded = false;
		try {
			Object result = invocation.proceed();
			succeeded = true;
			return result;
		}
		finally {
			MergeNotes.close(note, succeeded);
		}
	}

	private static MergeNote open(Method method, Object[] args) {
		if (!"mergePatients".equals(method.getName()) || args == null || args.length != 2
		        || !(args[0] instanceof OpenmrsObject)) {
			return null;
		}
		String preferred = ((OpenmrsObject) args[0]).getUuid();
		List<String> nonPreferred = new ArrayList<>();
		if (args[1] instanceof OpenmrsObject) {
			nonPreferred.add(((OpenmrsObject) args[1]).getUuid());
		} else if (args[1] instanceof Iterable) {
			for (Object patient : (Iterable<?>) args[1]) {
				if (patient instanceof OpenmrsObject) {
					nonPreferred.add(((OpenmrsObject) patient).getUuid());
				}
			}
		}
		nonPreferred.removeIf(Objects::isNull);
		if (preferred == null || nonPreferred.isEmpty()) {
			return null;
		}
		return MergeNotes.open(preferred, nonPreferred);
	}
}
