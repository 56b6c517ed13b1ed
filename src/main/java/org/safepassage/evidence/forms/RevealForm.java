package org.safepassage.evidence.forms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.PlainText;

/**
 * Why a staff member opens a protected note: required, and recorded in the audit log with
 * who and when (never the note).
 */
public record RevealForm(@NotBlank(message = "{evidence.protectedNote.reasonRequired}") @Size(max = 500) @PlainText(
		multiline = true) String reason) {

	public static RevealForm empty() {
		return new RevealForm("");
	}

}
