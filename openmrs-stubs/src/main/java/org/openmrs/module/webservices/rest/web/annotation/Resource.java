package org.openmrs.module.webservices.rest.web.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only stub of the REST module annotation of the same name. RUNTIME retention is what makes the REST
 * module find a resource at all; the defaults here never reach the class file, the real annotation's apply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface Resource {

	String name();

	Class<?> supportedClass();

	String[] supportedOpenmrsVersions() default {};

	int order() default Integer.MAX_VALUE;
}
