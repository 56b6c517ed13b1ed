package org.safepassage.letters.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.PlainText;

/**
 * One row of a file of areas and representatives, in whichever format it came, checked
 * with the same rules: an area (body, code, name, parent) and, when {@code name} is
 * given, the representative who sits for it. Field names are those of the native format's
 * columns.
 */
@CrossField
record MemberRow(@NotBlank String body,
		@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*",
				message = "{letters.import.badCode.column}") String areaCode,
		@Size(max = 200) @PlainText String areaName,
		@Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*",
				message = "{letters.import.badCode.column}") String parentAreaCode,
		@Size(max = 100) @PlainText String key, @Size(max = 200) @PlainText String name,
		@Size(max = 100) @PlainText String party,
		@Size(max = 254) @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+") @PlainText String email,
		@Size(max = 500) @PlainText(multiline = true) String postalAddress,
		@Size(max = 10) @IsoDate(future = true) String validFrom,
		@Size(max = 10) @IsoDate(future = true) String validTo) implements CrossField.Checked {

	boolean hasMember() {
		return name != null;
	}

	/** A re-import finds the same representative by this key. */
	String sourceKey() {
		return key != null ? key : name.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public void check(CrossField.Errors errors) {
		if (key != null && name == null) {
			errors.reject("name", "jakarta.validation.constraints.NotBlank.message");
		}
		try {
			LocalDate from = FormValues.day(validFrom);
			LocalDate to = FormValues.day(validTo);
			if (from != null && to != null && to.isBefore(from)) {
				errors.reject("validTo", "letters.import.endsBeforeStart");
			}
		}
		catch (DateTimeException unreadable) {
			// reported by @IsoDate
		}
	}

}
