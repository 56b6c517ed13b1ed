package org.safepassage.petitions;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.safepassage.shared.PlainText;

/** The staff form for writing a petition; demands are typed one per line. */
record PetitionForm(@NotBlank @Size(max = 150) @PlainText String title,
		@NotBlank @Size(max = 6000) @PlainText(multiline = true) String background,
		@NotBlank @Size(max = 5000) @PlainText(multiline = true) String demands,
		@NotBlank @Size(max = 200) @PlainText String target, @Min(1) @Max(100_000_000) Integer signatureGoal,
		@Future LocalDate closingDate) {

	static final int MAX_DEMANDS = 10;

	static final int MAX_DEMAND_LENGTH = 500;

	static PetitionForm empty() {
		return new PetitionForm("", "", "", "", null, null);
	}

	static PetitionForm of(PetitionContent content, ZoneId zone) {
		LocalDate closing = content.closingAt() == null ? null
				: content.closingAt().atZone(zone).toLocalDate().minusDays(1);
		return new PetitionForm(content.title(), content.background(), String.join("\n", content.demands()),
				content.target(), content.signatureGoal(), closing);
	}

	List<String> demandList() {
		return demands == null ? List.of()
				: Arrays.stream(demands.split("\\R")).map(String::strip).filter(d -> !d.isEmpty()).toList();
	}

	@AssertTrue(message = "{petition.demands.limits}")
	boolean isDemandsWithinLimits() {
		List<String> list = demandList();
		return list.size() <= MAX_DEMANDS && list.stream().allMatch(d -> d.length() <= MAX_DEMAND_LENGTH);
	}

	/** A petition closes at the end of its closing date, in the campaign's time zone. */
	PetitionContent toContent(ZoneId zone) {
		return new PetitionContent(title.strip(), background.strip(), demandList(), target.strip(), signatureGoal,
				closingDate == null ? null : closingDate.plusDays(1).atStartOfDay(zone).toInstant());
	}
}
