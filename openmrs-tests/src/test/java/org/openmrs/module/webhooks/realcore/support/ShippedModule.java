package org.openmrs.module.webhooks.realcore.support;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;

import org.openmrs.api.context.Context;
import org.openmrs.module.Module;
import org.openmrs.module.ModuleFileParser;

/**
 * The module as the reactor built it: the webhooks-omod jar on the test class path (the .omod is a copy of it),
 * whose root holds config.xml, moduleApplicationContext.xml and liquibase.xml as core reads them from an .omod.
 * Its config.xml is parsed by core's own {@link ModuleFileParser}, so tests follow what config.xml declares.
 */
public final class ShippedModule {

	public static final String MODULE_ID = "webhooks";

	private static Module module;

	private static File jar;

	private ShippedModule() {
	}

	/** The webhooks-omod jar, found through the one config.xml on the class path whose module id is webhooks. */
	public static synchronized File jar() {
		if (jar == null) {
			jar = findJar();
		}
		return jar;
	}

	/** config.xml of the shipped jar, as core's module loader parses it. */
	public static synchronized Module config() {
		if (module == null) {
			try (InputStream in = new FileInputStream(jar())) {
				// parse(InputStream) copies to a temporary *.omod, as core does for an upload
				module = new ModuleFileParser(Context.getMessageSourceService()).parse(in);
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot read " + jar(), e);
			}
		}
		return module;
	}

	/** Every class path location of {@code resource} (for checks that exactly one copy is seen). */
	public static List<URL> locationsOf(String resource) {
		try {
			return Collections.list(ShippedModule.class.getClassLoader().getResources(resource));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The jar or directory a resource or class file was loaded from. */
	public static File containerOf(URL url) {
		try {
			if ("jar".equals(url.getProtocol())) {
				return new File(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
			}
			return new File(url.toURI());
		}
		catch (IOException | URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Where a class was loaded from. */
	public static File containerOf(Class<?> type) {
		return containerOf(type.getResource(type.getSimpleName() + ".class"));
	}

	private static File findJar() {
		for (URL url : locationsOf("config.xml")) {
			File container = containerOf(url);
			if (!container.isFile()) {
				continue;
			}
			try (JarFile candidate = new JarFile(container)) {
				if (candidate.getEntry("moduleApplicationContext.xml") != null
				        && candidate.getEntry("org/openmrs/module/webhooks/web/resource/TargetResource.class") != null) {
					return container;
				}
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot open " + container, e);
			}
		}
		throw new IllegalStateException("No webhooks-omod jar with config.xml on the test class path: run the suite in the"
		        + " reactor at package phase or later (mvn -Pstubs,openmrs-tests verify), so that the tests see the built jars");
	}
}
