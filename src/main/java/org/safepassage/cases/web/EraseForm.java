package org.safepassage.cases.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.PlainText;

/**
 * Erasing a case's protected part: a reason for the audit, and the case number typed
 * again, since it cannot be undone.
 */
record EraseForm(
		@NotBlank(message = "{cases.reason.required}") @Size(min = 10, max = 500,
				message = "{cases.reason.size}") @PlainText(multiline = true) String reason,
		@NotBlank(message = "{cases.retention.confirm}") @Size(max = 20,
				message = "{cases.retention.confirm}") String confirm) {

}
