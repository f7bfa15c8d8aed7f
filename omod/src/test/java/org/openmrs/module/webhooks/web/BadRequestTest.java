package org.openmrs.module.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openmrs.api.ValidationException;
import org.openmrs.module.webhooks.api.TargetValidationException;
import org.springframework.validation.FieldError;

class BadRequestTest {

	@Test
	void of_shouldCarryOneFieldErrorPerFieldWithTheMessageAsCodeAndDefault() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("url", "must be an https:// URL");
		errors.put("eventTypes[1]", "is not a known event type");

		ValidationException e = BadRequest.of(new TargetValidationException(errors));

		assertThat(e.getErrors().getFieldErrors()).extracting(FieldError::getField).containsExactly("url",
		    "eventTypes[1]");
		FieldError url = e.getErrors().getFieldError("url");
		assertThat(url.getDefaultMessage()).isEqualTo("must be an https:// URL");
		assertThat(url.getCode()).isEqualTo("must be an https:// URL");
		assertThat(url.getRejectedValue()).isNull();
		assertThat(e.getErrors().getGlobalErrorCount()).isZero();
	}

	@Test
	void of_shouldNameEveryFieldInTheMessage() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("batchSize", "must be a whole number");
		errors.put("auth.headerName", "is required");

		assertThat(BadRequest.of(errors))
		        .hasMessage("Invalid request: batchSize: must be a whole number; auth.headerName: is required");
		assertThat(BadRequest.of("since", "is required")).hasMessage("Invalid request: since: is required");
	}
}
