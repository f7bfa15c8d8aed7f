package org.openmrs.module.webhooks.realcore.rest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openmrs.Person;
import org.openmrs.PersonName;
import org.openmrs.Role;
import org.openmrs.User;
import org.openmrs.api.UserService;
import org.openmrs.api.context.Context;
import org.openmrs.module.webhooks.realcore.support.CallerContext;
import org.openmrs.module.webhooks.realcore.support.Committed;
import org.openmrs.module.webhooks.realcore.support.EngineThreads;
import org.openmrs.module.webhooks.realcore.support.ModuleInstall;
import org.openmrs.module.webservices.rest.SimpleObject;
import org.openmrs.module.webservices.rest.web.v1_0.controller.jupiter.MainResourceControllerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.NestedServletException;

/**
 * The module's REST resources in the real REST module, through the REST module's own controller test support
 * ({@link MainResourceControllerTest}: its request builders, its dispatch to {@code MainResourceController}, and
 * its standard read tests, which every subclass runs against its resource). Same Spring context and database as
 * the other classes of the suite.
 *
 * <p>{@link #call} adds what a server's DispatcherServlet adds to that dispatch: a failure is answered by the
 * controller's own {@code @ExceptionHandler}s (the REST module's BaseRestController), so tests see the status and
 * error body a client would, 401, 403, 400 with {@code fieldErrors}, 409 or 500.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class RestResourceTest extends MainResourceControllerTest {

	/** A user with "Get Webhooks" only: reads, but may not change targets. */
	static final String READER = "webhooks-reader";

	static final String READER_PASSWORD = "Webhooks123";

	@Autowired
	private List<RequestMappingHandlerMapping> handlerMappings;

	@Autowired
	private RequestMappingHandlerAdapter handlerAdapter;

	private ExceptionHandlerExceptionResolver exceptionResolver;

	@BeforeEach
	public void installModuleAndErrorHandling() {
		ModuleInstall.ensure();
		exceptionResolver = new ExceptionHandlerExceptionResolver();
		exceptionResolver.setApplicationContext(applicationContext);
		exceptionResolver.setMessageConverters(handlerAdapter.getMessageConverters());
		exceptionResolver.afterPropertiesSet();
	}

	@AfterEach
	public void leaveNoBackgroundThreadsAndAWorkingThreadContext() {
		CallerContext.repair();
		EngineThreads.assertNoneRunning("after the test");
	}

	/** The REST module's dispatch of {@code request}, with a failure answered as a server answers it. */
	protected MockHttpServletResponse call(MockHttpServletRequest request) throws Exception {
		try {
			return handle(request);
		}
		catch (Exception | Error failure) {
			// DispatcherServlet wraps an Error (an AbstractMethodError, say) before handing it to the resolvers
			Exception e = failure instanceof Exception ? (Exception) failure
			        : new NestedServletException("Handler dispatch failed", failure);
			MockHttpServletResponse response = new MockHttpServletResponse();
			ModelAndView handled = exceptionResolver.resolveException(request, response, handlerOf(request), e);
			if (handled == null) {
				throw e;
			}
			return response;
		}
	}

	/** The JSON body of a response. */
	protected SimpleObject json(MockHttpServletResponse response) throws Exception {
		return deserialize(response);
	}

	/** The error body's {@code fieldErrors}: field name to its messages. */
	@SuppressWarnings("unchecked")
	protected static Map<String, Object> fieldErrors(SimpleObject body) {
		Map<String, Object> error = (Map<String, Object>) body.get("error");
		Object fieldErrors = error == null ? null : error.get("fieldErrors");
		return fieldErrors == null ? new LinkedHashMap<>() : (Map<String, Object>) fieldErrors;
	}

	/** "status: body" for assertion messages. */
	protected static String describe(MockHttpServletResponse response) throws Exception {
		return response.getStatus() + ": " + response.getContentAsString();
	}

	/**
	 * Creates (as the administrator, committed on its own, again after core 2.5 emptied the database) a user who has
	 * "Get Webhooks" and not "Manage Webhooks".
	 */
	@BeforeEach
	public void aReaderUser() {
		Committed.call(() -> {
			UserService users = Context.getUserService();
			Role role = users.getRole("Webhooks Test Reader");
			if (role == null) {
				role = new Role("Webhooks Test Reader", "reads webhooks, changes nothing");
			}
			if (!role.hasPrivilege("Get Webhooks")) {
				role.addPrivilege(users.getPrivilege("Get Webhooks"));
				role = users.saveRole(role);
			}
			User user = users.getUserByUsername(READER);
			if (user == null) {
				Person person = new Person();
				person.setGender("F");
				person.addName(new PersonName("Reed", null, "Only"));
				user = new User(person);
				user.setUsername(READER);
				user.addRole(role);
				users.createUser(user, READER_PASSWORD);
			} else if (!user.hasRole(role.getRole())) {
				user.addRole(role);
				users.saveUser(user);
			}
			return null;
		});
	}

	/** Logs in as the user of {@link #aReaderUser()}. */
	protected static void loginAsReader() {
		Context.logout();
		Context.authenticate(READER, READER_PASSWORD);
	}

	/** A map in insertion order, from key / value pairs. */
	protected static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			m.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return m;
	}

	/**
	 * A request parameter for the REST module's request builders (they take the JUnit 4 twin's Parameter, which a
	 * subclass of the JUnit 5 base cannot name simply: the inherited member type shadows it).
	 */
	protected static org.openmrs.module.webservices.rest.web.v1_0.controller.MainResourceControllerTest.Parameter param(
	        String name, String value) {
		return new org.openmrs.module.webservices.rest.web.v1_0.controller.MainResourceControllerTest.Parameter(name,
		        value);
	}

	protected static List<Object> list(Object... values) {
		return Arrays.asList(values);
	}

	private HandlerMethod handlerOf(MockHttpServletRequest request) throws Exception {
		for (RequestMappingHandlerMapping mapping : handlerMappings) {
			HandlerExecutionChain chain = mapping.getHandler(request);
			if (chain != null) {
				return (HandlerMethod) chain.getHandler();
			}
		}
		throw new IllegalStateException("no handler for " + request.getRequestURI());
	}
}
