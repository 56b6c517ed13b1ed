package org.safepassage.alerts.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.FormValues;

/**
 * When to send: a local date and time such as 2024-05-01T09:00 in the campaign's zone, or
 * empty for now.
 */
@CrossField
record ScheduleForm(@Size(max = 30) String at) implements CrossField.Checked {

	static final int EARLIEST_YEAR = 2000;

	static final int LATEST_YEAR = 2999;

	@Override
	public void check(CrossField.Errors errors) {
		if (FormValues.text(at) != null && !isTimeToSend(at)) {
			errors.reject("at", "alerts.schedule.invalid");
		}
	}

	private static boolean isTimeToSend(String at) {
		try {
			int year = LocalDateTime.parse(at.strip()).getYear();
			return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	/** Call only once the form is valid: {@code now} when no time was given. */
	Instant instant(ZoneId zone, Instant now) {
		String local = FormValues.text(at);
		return local == null ? now : LocalDateTime.parse(local).atZone(zone).toInstant();
	}
}
