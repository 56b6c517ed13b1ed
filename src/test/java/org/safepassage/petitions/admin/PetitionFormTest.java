package org.safepassage.petitions.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.safepassage.petitions.domain.PetitionContent;

/**
 * Every broken rule of the petition form is reported on the field the person must change.
 */
class PetitionFormTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final Validator validator = Validation.byDefaultProvider()
		.configure()
		.clockProvider(() -> Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC))
		.buildValidatorFactory()
		.getValidator();

	static PetitionForm form(String demands, String goal, String closingDate) {
		return new PetitionForm("Title", "Background", demands, "Embassy", goal, closingDate);
	}

	private Map<String, String> errors(PetitionForm form) {
		return validator.validate(form)
			.stream()
			.collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessageTemplate));
	}

	@Test
	void aCompleteFormIsValid() {
		assertThat(errors(form("One\nTwo", "50000", "2026-03-02"))).isEmpty();
		assertThat(errors(form("One", "", ""))).isEmpty();
	}

	@Test
	void theGoalIsAWholeNumberFromOneToAHundredMillion() {
		assertThat(errors(form("One", "lots", "")))
			.containsExactly(Map.entry("signatureGoal", "{petition.goal.invalid}"));
		assertThat(errors(form("One", "0", ""))).containsOnlyKeys("signatureGoal");
		assertThat(errors(form("One", "100000001", ""))).containsOnlyKeys("signatureGoal");
		assertThat(errors(form("One", "100000000", ""))).isEmpty();
	}

	@Test
	void theClosingDateIsARealDayAfterToday() {
		assertThat(errors(form("One", "", "2026-03-01")))
			.containsExactly(Map.entry("closingDate", "{petition.closingDate.invalid}"));
		assertThat(errors(form("One", "", "2001-01-01"))).containsOnlyKeys("closingDate");
		assertThat(errors(form("One", "", "2026-02-30"))).containsOnlyKeys("closingDate");
		assertThat(errors(form("One", "", "soon"))).containsOnlyKeys("closingDate");
	}

	@Test
	void atMostTenDemandsOfAtMostFiveHundredCharacters() {
		assertThat(errors(form("d\n".repeat(10), "", ""))).isEmpty();
		assertThat(errors(form("d\n".repeat(11), "", "")))
			.containsExactly(Map.entry("demands", "{petition.demands.limits}"));
		assertThat(errors(form("x".repeat(501), "", ""))).containsOnlyKeys("demands");
	}

	@Test
	void aPetitionClosesAtTheEndOfItsClosingDate() {
		PetitionContent content = form(" One \n\n Two ", "4,000", "2026-06-30").toContent(LONDON);
		assertThat(content.demands()).containsExactly("One", "Two");
		assertThat(content.signatureGoal()).isEqualTo(4000);
		assertThat(content.closingAt()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
		assertThat(PetitionForm.of(content, LONDON).closingDate()).isEqualTo("2026-06-30");
		assertThat(form("One", "", "").toContent(LONDON).closingAt()).isNull();
	}

}
