package org.safepassage.petitions.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.shared.validation.WholeNumber;

/**
 * The staff form for writing a petition; demands are typed one per line. The goal and the
 * closing date are typed as text so that one bad value does not hide the messages for
 * every other field.
 */
@CrossField
record PetitionForm(@NotBlank @Size(max = 150) @PlainText String title,
		@NotBlank @Size(max = 6000) @PlainText(multiline = true) String background,
		@NotBlank @Size(max = 5000) @PlainText(multiline = true) String demands,
		@NotBlank @Size(max = 200) @PlainText String target,
		@Size(max = 20) @WholeNumber(min = 1, max = PetitionForm.MAX_GOAL,
				message = "{petition.goal.invalid}") String signatureGoal,
		@Size(max = 20) @FutureDay(message = "{petition.closingDate.invalid}") String closingDate)
		implements
			CrossField.Checked {

	static final int MAX_GOAL = 100_000_000;

	static final int MAX_DEMANDS = 10;

	static final int MAX_DEMAND_LENGTH = 500;

	static PetitionForm empty() {
		return new PetitionForm("", "", "", "", "", "");
	}

	static PetitionForm of(PetitionContent content, ZoneId zone) {
		LocalDate closing = content.closingAt() == null ? null
				: content.closingAt().atZone(zone).toLocalDate().minusDays(1);
		return new PetitionForm(content.title(), content.background(), String.join("\n", content.demands()),
				content.target(), content.signatureGoal() == null ? "" : content.signatureGoal().toString(),
				closing == null ? "" : closing.toString());
	}

	List<String> demandList() {
		return demands == null ? List.of()
				: Arrays.stream(demands.split("\\R")).map(String::strip).filter(d -> !d.isEmpty()).toList();
	}

	@Override
	public void check(CrossField.Errors errors) {
		List<String> list = demandList();
		if (list.size() > MAX_DEMANDS || list.stream().anyMatch(d -> d.length() > MAX_DEMAND_LENGTH)) {
			errors.reject("demands", "petition.demands.limits");
		}
	}

	/** A petition closes at the end of its closing date, in the campaign's time zone. */
	PetitionContent toContent(ZoneId zone) {
		Long goal = FormValues.wholeNumber(signatureGoal);
		LocalDate closing = FormValues.day(closingDate);
		return new PetitionContent(title.strip(), background.strip(), demandList(), target.strip(),
				goal == null ? null : Math.toIntExact(goal),
				closing == null ? null : closing.plusDays(1).atStartOfDay(zone).toInstant());
	}
}
