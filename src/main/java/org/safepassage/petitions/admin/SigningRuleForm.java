package org.safepassage.petitions.admin;

import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.petitions.fraud.AddressRange;
import org.safepassage.petitions.fraud.SigningRules;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;

/** An entry staff add to the allow or block list: an address range or an email domain. */
@CrossField
record SigningRuleForm(@NotBlank @OneOf(SigningRules.Kind.class) String kind,
		@NotBlank @OneOf(SigningRules.Subject.class) String subject, @NotBlank @Size(max = 253) @PlainText String value,
		@Size(max = 500) @PlainText String note) implements CrossField.Checked {

	private static final Pattern DOMAIN = Pattern
		.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	static SigningRuleForm empty() {
		return new SigningRuleForm("BLOCK", "RANGE", "", "");
	}

	@Override
	public void check(CrossField.Errors errors) {
		if (value == null || value.isBlank()) {
			return;
		}
		if ("RANGE".equalsIgnoreCase(subject) && AddressRange.parse(value) == null) {
			errors.reject("value", "fraud.invalid.range");
		}
		if ("DOMAIN".equalsIgnoreCase(subject)
				&& (value.strip().length() > 253 || !DOMAIN.matcher(value.strip()).matches())) {
			errors.reject("value", "fraud.invalid.domain");
		}
	}

}
