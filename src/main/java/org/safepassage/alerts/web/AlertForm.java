package org.safepassage.alerts.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.shared.validation.PlainText;

/** The staff form for an alert; points are typed one per line, the date as 2023-11-23. */
record AlertForm(@NotBlank String kind, @NotBlank @Size(max = 150) @PlainText String title,
		@NotBlank @Size(max = 10) String date, @NotBlank @Size(max = 10) String language,
		@Size(max = 1000) @PlainText(multiline = true) String verseText,
		@Size(max = 100) @PlainText String verseReference,
		@NotBlank @Size(max = 20000) @PlainText(multiline = true) String body,
		@Size(max = 5000) @PlainText(multiline = true) String points, @Size(max = 50) List<Long> petitionIds,
		@Size(max = 50) List<Long> incidentIds) {

	static final int MAX_POINTS = 12;

	static final int MAX_POINT_LENGTH = 600;

	static AlertForm empty(String language) {
		return new AlertForm("PRAYER", "", LocalDate.now().toString(), language, "", "", "", "", List.of(), List.of());
	}

	static AlertForm of(AlertContent c) {
		return new AlertForm(c.kind().name(), c.title(), c.date().toString(), c.language(),
				c.verseText() == null ? "" : c.verseText(), c.verseReference() == null ? "" : c.verseReference(),
				c.body(), String.join("\n", c.points()), c.petitionIds(), c.incidentIds());
	}

	@AssertTrue(message = "{alerts.kind.invalid}")
	public boolean isKindValid() {
		return kind == null || kind.isBlank() || AlertKind.parse(kind) != null;
	}

	LocalDate day() {
		try {
			return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException e) {
			return LocalDate.MIN;
		}
	}

	@AssertTrue(message = "{alerts.date.invalid}")
	public boolean isDateValid() {
		LocalDate day = day();
		return day == null || (day.getYear() >= 1900 && day.getYear() <= 2999);
	}

	@AssertTrue(message = "{alerts.verse.incomplete}")
	public boolean isVerseComplete() {
		return blank(verseText) == blank(verseReference);
	}

	List<String> pointList() {
		return points == null ? List.of()
				: Arrays.stream(points.split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	@AssertTrue(message = "{alerts.points.limits}")
	public boolean isPointsWithinLimits() {
		List<String> list = pointList();
		return list.size() <= MAX_POINTS && list.stream().allMatch(p -> p.length() <= MAX_POINT_LENGTH);
	}

	List<Long> petitions() {
		return petitionIds == null ? List.of() : petitionIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	List<Long> incidents() {
		return incidentIds == null ? List.of() : incidentIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** Call only once the form is valid. */
	AlertContent toContent() {
		return new AlertContent(AlertKind.parse(kind), title.strip(), day(), language.strip(),
				blank(verseText) ? null : verseText.strip(), blank(verseReference) ? null : verseReference.strip(),
				body.strip(), pointList(), petitions(), incidents());
	}
}
