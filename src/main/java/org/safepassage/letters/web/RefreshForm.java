package org.safepassage.letters.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;

/**
 * The day after which the directory counts as out of date unless imported again (the next
 * election, a boundary change); empty for never.
 */
record RefreshForm(@Size(max = 10) @IsoDate(future = true, earliest = "2000-01-01") String day) {

	LocalDate toDay() {
		return FormValues.day(day);
	}

}
