package org.safepassage.system.audit;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.PlainText;

/**
 * Which entries an admin looks at: part of a person's email, part of an action, and days
 * (UTC) from and to, each optional.
 */
@CrossField
record AuditFilter(@Size(max = 254) @PlainText String person, @Size(max = 200) @PlainText String action,
		@IsoDate String from, @IsoDate String to) implements CrossField.Checked {

	static final AuditFilter ALL = new AuditFilter(null, null, null, null);

	/** The same filter for one action only. */
	AuditFilter withAction(String onlyAction) {
		return new AuditFilter(person, onlyAction, from, to);
	}

	@Override
	public void check(CrossField.Errors errors) {
		try {
			LocalDate first = FormValues.day(from);
			LocalDate last = FormValues.day(to);
			if (first != null && last != null && last.isBefore(first)) {
				errors.reject("to", "security.audit.toBeforeFrom");
			}
		}
		catch (RuntimeException unreadable) {
			// reported by @IsoDate
		}
	}

}
