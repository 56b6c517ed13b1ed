package org.safepassage.petitions.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class SignatureFormTest {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private Map<String, String> errors(SignatureForm form) {
		return validator.validate(form)
			.stream()
			.collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessageTemplate));
	}

	@Test
	void aNameMayNotCarryALinkOrAnAddress() {
		assertThat(errors(new SignatureForm("Alice", "alice@example.org", "GB", "", false))).isEmpty();
		assertThat(errors(new SignatureForm("Alice visit http://evil.example/", "alice@example.org", "GB", "", false)))
			.containsOnly(Map.entry("name", "{validation.personName}"));
		assertThat(errors(new SignatureForm("mail bob@evil.example", "alice@example.org", "GB", "", false)))
			.containsOnly(Map.entry("name", "{validation.personName}"));
	}

}
