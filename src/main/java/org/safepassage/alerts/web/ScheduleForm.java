package org.safepassage.alerts.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * When to send: a local date and time such as 2024-05-01T09:00 in the campaign's zone, or
 * empty for now.
 */
record ScheduleForm(@Size(max = 30) String at) {

	LocalDateTime local() {
		if (at == null || at.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(at.strip());
		}
		catch (DateTimeParseException e) {
			return LocalDateTime.MIN;
		}
	}

	@AssertTrue(message = "{alerts.schedule.invalid}")
	public boolean isAtValid() {
		LocalDateTime local = local();
		return local == null || (local.getYear() >= 2000 && local.getYear() <= 2999);
	}

	Instant instant(ZoneId zone, Instant now) {
		LocalDateTime local = local();
		return local == null ? now : local.atZone(zone).toInstant();
	}
}
