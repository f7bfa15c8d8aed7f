package org.openmrs.module.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.openmrs.api.APIAuthenticationException;
import org.openmrs.api.ValidationException;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.openmrs.module.webhooks.web.testing.FieldErrors;
import org.openmrs.module.webhooks.web.testing.RestStatus;
import org.openmrs.module.webservices.rest.web.v1_0.controller.BaseRestController;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;

class BadRequestTest {

	@Test
	void of_shouldCarryOneFieldErrorPerFieldWithTheMessageAsCodeAndDefault() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("url", "must be an https:// URL");
		errors.put("eventTypes[1]", "is not a known event type");

		for (boolean restModuleOwn : new boolean[] { false, true }) {
			Errors e = FieldErrors.errorsOf(BadRequest.of(new TargetValidationException(errors).getFieldErrors(),
			    restModuleOwn));

			assertThat(e.getFieldErrors()).extracting(FieldError::getField).containsExactly("url", "eventTypes[1]");
			FieldError url = e.getFieldError("url");
			assertThat(url.getDefaultMessage()).isEqualTo("must be an https:// URL");
			assertThat(url.getCode()).isEqualTo("must be an https:// URL");
			assertThat(url.getRejectedValue()).isNull();
			assertThat(e.getGlobalErrorCount()).isZero();
		}
	}

	@Test
	void of_shouldNameEveryFieldInTheMessage() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("batchSize", "must be a whole number");
		errors.put("auth.headerName", "is required");

		assertThat(BadRequest.of(errors))
		        .hasMessage("Invalid request: batchSize: must be a whole number; auth.headerName: is required");
		assertThat(BadRequest.of("since", "is required")).hasMessage("Invalid request: since: is required");
		assertThat(BadRequest.of(errors, true))
		        .hasMessage("Invalid request: batchSize: must be a whole number; auth.headerName: is required");
	}

	@Test
	void of_shouldMakeTheValidationExceptionTheRestModuleAnswersWith400() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("since", "is required");

		assertThat(BadRequest.of(errors, false)).isExactlyInstanceOf(ValidationException.class);
		assertThat(BadRequest.of(errors, true))
		        .isExactlyInstanceOf(org.openmrs.module.webservices.validation.ValidationException.class);
		assertThat(RestStatus.of(BadRequest.of(errors, true), true)).isEqualTo(400);
	}

	@Test
	void answersItsOwnValidationException_shouldReadTheRestModulesExceptionHandlers() {
		// BaseRestController of webservices.rest 2.51.0 (its own class) and 3.4.1 (core's), as javap lists them
		assertThat(BadRequest.answersItsOwnValidationException(Rest2Controller.class)).isTrue();
		assertThat(BadRequest.answersItsOwnValidationException(Rest3Controller.class)).isFalse();
		assertThat(BadRequest.answersItsOwnValidationException(ParameterTypedController.class)).isTrue();
		assertThat(BadRequest.answersItsOwnValidationException(BothController.class)).isFalse();
		// the stub has no handlers: core's, as the REST module of today
		assertThat(BadRequest.answersItsOwnValidationException(BaseRestController.class)).isFalse();
		assertThat(BadRequest.of("since", "is required")).isExactlyInstanceOf(ValidationException.class);
	}

	static class Rest2Controller {

		@ExceptionHandler(APIAuthenticationException.class)
		public Object apiAuthenticationExceptionHandler(Exception ex, HttpServletRequest request,
		        HttpServletResponse response) {
			return null;
		}

		@ExceptionHandler(org.openmrs.module.webservices.validation.ValidationException.class)
		public Object validationExceptionHandler(org.openmrs.module.webservices.validation.ValidationException e,
		        HttpServletRequest request, HttpServletResponse response) {
			return null;
		}

		@ExceptionHandler(Exception.class)
		public Object handleException(Exception ex, HttpServletRequest request, HttpServletResponse response) {
			return null;
		}
	}

	static class Rest3Controller {

		@ExceptionHandler(ValidationException.class)
		public Object validationExceptionHandler(ValidationException e, HttpServletRequest request,
		        HttpServletResponse response) {
			return null;
		}

		@ExceptionHandler(Exception.class)
		public Object handleException(Exception ex, HttpServletRequest request, HttpServletResponse response) {
			return null;
		}
	}

	/** {@code @ExceptionHandler} without a value: Spring takes the exception from the parameters. */
	static class ParameterTypedController {

		@ExceptionHandler
		public Object validationExceptionHandler(org.openmrs.module.webservices.validation.ValidationException e) {
			return null;
		}
	}

	static class BothController extends Rest2Controller {

		@ExceptionHandler(ValidationException.class)
		public Object coreValidationExceptionHandler(ValidationException e) {
			return null;
		}
	}
}
