package org.safepassage.letters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.shared.validation.WholeNumber;

/**
 * A body staff add: {@code london-assembly}, "London Assembly", listed after the others.
 */
record BodyForm(
		@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]*",
				message = "{letters.body.code.invalid}") String code,
		@NotBlank @Size(max = 100) @PlainText String name,
		@Size(max = 4) @WholeNumber(max = 9999, message = "{letters.body.order.invalid}") String sortOrder) {

	static BodyForm empty() {
		return new BodyForm("", "", "100");
	}

	int order() {
		Long order = FormValues.wholeNumber(sortOrder);
		return order == null ? 100 : order.intValue();
	}

}
