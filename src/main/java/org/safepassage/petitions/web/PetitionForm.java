package org.safepassage.petitions.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.shared.validation.PlainText;

/** The staff form for writing a petition; demands are typed one per line. */
record PetitionForm(@NotBlank @Size(max = 150) @PlainText String title,
		@NotBlank @Size(max = 6000) @PlainText(multiline = true) String background,
		@NotBlank @Size(max = 5000) @PlainText(multiline = true) String demands,
		@NotBlank @Size(max = 200) @PlainText String target, @Size(max = 20) String signatureGoal,
		@Size(max = 20) String closingDate) {

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

	@AssertTrue(message = "{petition.demands.limits}")
	public boolean isDemandsWithinLimits() {
		List<String> list = demandList();
		return list.size() <= MAX_DEMANDS && list.stream().allMatch(d -> d.length() <= MAX_DEMAND_LENGTH);
	}

	/**
	 * Typed as text so that one bad number does not hide the messages for every other
	 * field.
	 */
	Integer goal() {
		if (signatureGoal == null || signatureGoal.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(signatureGoal.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	LocalDate closing() {
		if (closingDate == null || closingDate.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(closingDate.strip());
		}
		catch (DateTimeParseException e) {
			return LocalDate.MIN;
		}
	}

	@AssertTrue(message = "{petition.goal.invalid}")
	public boolean isGoalValid() {
		Integer goal = goal();
		return goal == null || (goal >= 1 && goal <= MAX_GOAL);
	}

	@AssertTrue(message = "{petition.closingDate.invalid}")
	public boolean isClosingDateValid() {
		LocalDate closing = closing();
		return closing == null || closing.isAfter(LocalDate.now());
	}

	/** A petition closes at the end of its closing date, in the campaign's time zone. */
	PetitionContent toContent(ZoneId zone) {
		LocalDate closing = closing();
		return new PetitionContent(title.strip(), background.strip(), demandList(), target.strip(), goal(),
				closing == null ? null : closing.plusDays(1).atStartOfDay(zone).toInstant());
	}
}
