package org.safepassage.system.mail.webhooks;

import java.util.Comparator;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a notification into its record and validates it; what is wrong becomes a
 * {@link MalformedEvent} that names the field, never the value.
 */
@Component
class JsonEvents {

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Validator validator;

	JsonEvents(Validator validator) {
		this.validator = validator;
	}

	/** Whether the body is a JSON object with this field at its top. */
	boolean hasField(String body, String field) throws MalformedEvent {
		try {
			return json.readTree(body).has(field);
		}
		catch (JacksonException e) {
			throw malformed(e);
		}
	}

	<T> T read(String body, Class<T> type) throws MalformedEvent {
		T event;
		try {
			event = json.readValue(body, type);
		}
		catch (JacksonException e) {
			throw malformed(e);
		}
		if (event == null) {
			throw new MalformedEvent("The body is empty");
		}
		Set<ConstraintViolation<T>> violations = validator.validate(event);
		if (!violations.isEmpty()) {
			ConstraintViolation<T> first = violations.stream()
				.min(Comparator.comparing(v -> v.getPropertyPath().toString()))
				.orElseThrow();
			throw new MalformedEvent(first.getPropertyPath() + ": " + first.getMessage());
		}
		return event;
	}

	private static MalformedEvent malformed(JacksonException e) {
		String reason = String.valueOf(e.getOriginalMessage()).replaceAll("[^\\p{Alnum} .,:;'()_-]", "");
		return new MalformedEvent("The body is not a notification of this provider: "
				+ reason.substring(0, Math.min(200, reason.length())));
	}

}
