package org.safepassage.alerts.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;

/** The staff form for an alert; points are typed one per line, the date as 2023-11-23. */
@CrossField
record AlertForm(@NotBlank @OneOf(value = AlertKind.class, message = "{alerts.kind.invalid}") String kind,
		@NotBlank @Size(max = 150) @PlainText String title,
		@NotBlank @Size(max = 10) @IsoDate(future = true, message = "{alerts.date.invalid}") String date,
		@NotBlank @Size(max = 10) String language, @Size(max = 1000) @PlainText(multiline = true) String verseText,
		@Size(max = 100) @PlainText String verseReference,
		@NotBlank @Size(max = 20000) @PlainText(multiline = true) String body,
		@Size(max = 5000) @PlainText(multiline = true) String points, @Size(max = 50) List<Long> petitionIds,
		@Size(max = 50) List<Long> incidentIds) implements CrossField.Checked {

	static final int MAX_POINTS = 12;

	static final int MAX_POINT_LENGTH = 600;

	static final int LATEST_YEAR = 2999;

	static AlertForm empty(String language, LocalDate today) {
		return new AlertForm("PRAYER", "", today.toString(), language, "", "", "", "", List.of(), List.of());
	}

	static AlertForm of(AlertContent c) {
		return new AlertForm(c.kind().name(), c.title(), c.date().toString(), c.language(),
				c.verseText() == null ? "" : c.verseText(), c.verseReference() == null ? "" : c.verseReference(),
				c.body(), String.join("\n", c.points()), c.petitionIds(), c.incidentIds());
	}

	/**
	 * A verse needs its reference and the other way round: the message goes on the one
	 * left empty.
	 */
	@Override
	public void check(CrossField.Errors errors) {
		boolean verse = FormValues.text(verseText) != null;
		if (verse != (FormValues.text(verseReference) != null)) {
			errors.reject(verse ? "verseReference" : "verseText", "alerts.verse.incomplete");
		}
		List<String> list = pointList();
		if (list.size() > MAX_POINTS || list.stream().anyMatch(p -> p.length() > MAX_POINT_LENGTH)) {
			errors.reject("points", "alerts.points.limits");
		}
		if (isAfterLatestYear(date)) {
			errors.reject("date", "alerts.date.invalid");
		}
	}

	/** {@link IsoDate} checks that it is a day; alerts are dated no later than 2999. */
	private static boolean isAfterLatestYear(String date) {
		try {
			LocalDate day = FormValues.day(date);
			return day != null && day.getYear() > LATEST_YEAR;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	List<String> pointList() {
		return points == null ? List.of()
				: Arrays.stream(points.split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	List<Long> petitions() {
		return petitionIds == null ? List.of() : petitionIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	List<Long> incidents() {
		return incidentIds == null ? List.of() : incidentIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	/** Call only once the form is valid. */
	AlertContent toContent() {
		return new AlertContent(EnumNames.parse(AlertKind.class, kind), title.strip(), FormValues.day(date),
				language.strip(), FormValues.text(verseText), FormValues.text(verseReference), body.strip(),
				pointList(), petitions(), incidents());
	}
}
