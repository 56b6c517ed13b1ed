package org.safepassage.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class FormConstraintsTest {

	enum Colour {

		RED, DARK_BLUE

	}

	@CrossField
	record Form(@WholeNumber(max = 10_000) String count, @IsoDate String day, @IsoDate(future = true) String anyDay,
			@CountryCode String country, @OneOf(Colour.class) String colour,
			@OneOf(Colour.class) List<String> colours) implements CrossField.Checked {

		@Override
		public void check(CrossField.Errors errors) {
			if ("13".equals(count)) {
				errors.reject("count", "validation.unlucky");
			}
		}
	}

	private final Validator validator = Validation.byDefaultProvider()
		.configure()
		.clockProvider(() -> Clock.fixed(Instant.parse("2024-01-01T12:00:00Z"), ZoneOffset.UTC))
		.buildValidatorFactory()
		.getValidator();

	private Set<String> invalidFields(Form form) {
		Set<ConstraintViolation<Form>> violations = validator.validate(form);
		return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
	}

	@Test
	void emptyValuesAreLeftToNotBlank() {
		assertThat(invalidFields(new Form(null, "", " ", null, "", null))).isEmpty();
	}

	@Test
	void wellFormedValuesPass() {
		assertThat(
				invalidFields(new Form("4,000", "2023-10-09", "2030-01-01", "kr", "dark_blue", List.of("red", "RED"))))
			.isEmpty();
	}

	@Test
	void eachMalformedValueIsReportedOnItsField() {
		assertThat(invalidFields(new Form("12a", "2023-02-30", "yesterday", "XX", "green", List.of("red", "green"))))
			.containsExactlyInAnyOrder("count", "day", "anyDay", "country", "colour", "colours");
	}

	@Test
	void numbersAndDaysHaveBounds() {
		assertThat(invalidFields(new Form("10,001", "2024-01-02", null, null, null, null)))
			.containsExactlyInAnyOrder("count", "day");
		assertThat(invalidFields(new Form("-1", "1899-12-31", null, null, null, null)))
			.containsExactlyInAnyOrder("count", "day");
		assertThat(invalidFields(new Form("10000", "2024-01-01", null, null, null, null))).isEmpty();
	}

	@Test
	void crossFieldRulesAreReportedOnTheNamedField() {
		assertThat(invalidFields(new Form("13", null, null, null, null, null))).containsExactly("count");
	}

	@Test
	void formValuesReadWhatPassed() {
		assertThat(FormValues.wholeNumber("4,000")).isEqualTo(4000L);
		assertThat(FormValues.wholeNumber(" ")).isNull();
		assertThat(FormValues.countryCode(" kr ")).isEqualTo("KR");
		assertThat(EnumNames.parse(Colour.class, "dark-blue")).isEqualTo(Colour.DARK_BLUE);
		assertThat(EnumNames.find(Colour.class, "green")).isEmpty();
	}

}
