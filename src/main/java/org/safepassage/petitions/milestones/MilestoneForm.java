package org.safepassage.petitions.milestones;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.shared.validation.WholeNumber;

/**
 * The staff form for a milestone; the count is typed as text so a bad value comes back
 * with a message and the description kept.
 */
public record MilestoneForm(
		@NotBlank @Size(max = 20) @WholeNumber(min = 1, max = Milestones.MAX_SIGNATURES,
				message = "{petition.milestone.signatures.invalid}") String signatures,
		@NotBlank @Size(max = Milestones.MAX_DESCRIPTION) @PlainText String description) {

	public static MilestoneForm empty() {
		return new MilestoneForm("", "");
	}

	int count() {
		return Math.toIntExact(FormValues.wholeNumber(signatures));
	}

}
