package org.safepassage.cases.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;

/**
 * Why a caseworker opens protected fields (or asks to export them): the audit records the
 * reason with who, when, which case and which field.
 */
record ReasonForm(
		@NotEmpty(message = "{cases.reveal.fields.required}") @Size(max = 10) @OneOf(value = CaseField.class,
				message = "{cases.field.invalid}") List<String> fields,
		@NotBlank(message = "{cases.reason.required}") @Size(min = 10, max = 500,
				message = "{cases.reason.size}") @PlainText(multiline = true) String reason) {

	static ReasonForm empty() {
		return new ReasonForm(List.of(), "");
	}

}
