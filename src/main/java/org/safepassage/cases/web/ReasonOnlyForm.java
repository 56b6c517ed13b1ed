package org.safepassage.cases.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.PlainText;

/**
 * Why a protected thing is wanted without choosing fields: an export of the case file
 * (another person must approve it) or the opening of an attachment.
 */
record ReasonOnlyForm(@NotBlank(message = "{cases.reason.required}") @Size(min = 10, max = 500,
		message = "{cases.reason.size}") @PlainText(multiline = true) String reason) {

}
