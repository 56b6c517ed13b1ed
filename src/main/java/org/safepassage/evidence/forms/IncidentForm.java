package org.safepassage.evidence.forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.Incident;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.PlacePrecision;
import org.safepassage.shared.validation.PlainText;

/** A researcher's form for an incident; also one CSV row's incident columns. */
public record IncidentForm(@NotBlank String kind, @NotBlank @Size(max = 150) @PlainText String title,
		@NotBlank String datePrecision, @NotBlank @Size(max = 10) String date, @Size(max = 10) String dateTo,
		@NotBlank @Size(max = 200) @PlainText String place, @NotBlank String placePrecision,
		@NotBlank @Size(max = 2) String departureCountry, @NotBlank @Size(max = 2) String returnCountry,
		@NotBlank @Size(max = 1000) @PlainText(multiline = true) String summary,
		@Size(max = 500) @PlainText String tags, List<Long> petitionIds) {

	public static IncidentForm empty() {
		return new IncidentForm("FORCED_REPATRIATION", "", "DAY", "", "", "", "COUNTRY", "CN", "KP", "", "", List.of());
	}

	public static IncidentForm of(Incident.IncidentContent c, List<Long> petitionIds) {
		return new IncidentForm(c.kind().name(), c.title(), c.date().precision().name(), c.date().firstInput(),
				c.date().lastInput(), c.place(), c.placePrecision().name(), c.departureCountry(), c.returnCountry(),
				c.summary(), String.join(", ", c.tags()), petitionIds);
	}

	@AssertTrue(message = "{evidence.kind.invalid}")
	public boolean isKindValid() {
		return Typed.blank(kind) || IncidentKind.parse(kind) != null;
	}

	@AssertTrue(message = "{evidence.datePrecision.invalid}")
	public boolean isDatePrecisionValid() {
		return Typed.blank(datePrecision) || DatePrecision.parse(datePrecision) != null;
	}

	@AssertTrue(message = "{evidence.date.invalid}")
	public boolean isDateValid() {
		DatePrecision precision = DatePrecision.parse(datePrecision);
		if (Typed.blank(date) || precision == null) {
			return true;
		}
		if (precision == DatePrecision.RANGE) {
			return FuzzyDate.parse(DatePrecision.DAY, date, null, LocalDate.now()).isPresent();
		}
		return FuzzyDate.parse(precision, date, null, LocalDate.now()).isPresent();
	}

	/**
	 * Only a range has a last day; it must be a real day from the first one up to today.
	 */
	@AssertTrue(message = "{evidence.dateTo.invalid}")
	public boolean isDateToValid() {
		if (DatePrecision.parse(datePrecision) != DatePrecision.RANGE) {
			return true;
		}
		LocalDate to = Typed.day(dateTo, LocalDate.now());
		if (to == null || to.equals(LocalDate.MIN)) {
			return false;
		}
		LocalDate from = Typed.day(date, LocalDate.now());
		return from == null || from.equals(LocalDate.MIN) || !to.isBefore(from);
	}

	@AssertTrue(message = "{evidence.placePrecision.invalid}")
	public boolean isPlacePrecisionValid() {
		return Typed.blank(placePrecision) || PlacePrecision.parse(placePrecision) != null;
	}

	@AssertTrue(message = "{validation.country}")
	public boolean isDepartureCountryValid() {
		return Typed.validCountry(departureCountry);
	}

	@AssertTrue(message = "{validation.country}")
	public boolean isReturnCountryValid() {
		return Typed.validCountry(returnCountry);
	}

	@AssertTrue(message = "{evidence.tags.invalid}")
	public boolean isTagsValid() {
		return Typed.validTags(tags);
	}

	Optional<FuzzyDate> fuzzyDate() {
		return FuzzyDate.parse(DatePrecision.parse(datePrecision), date, dateTo, LocalDate.now());
	}

	public List<Long> petitions() {
		return petitionIds == null ? List.of() : petitionIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	/** Call only once the form is valid. */
	public Incident.IncidentContent toContent() {
		return new Incident.IncidentContent(IncidentKind.parse(kind), title.strip(), fuzzyDate().orElseThrow(),
				place.strip(), PlacePrecision.parse(placePrecision), Typed.country(departureCountry),
				Typed.country(returnCountry), summary.strip(), Typed.tags(tags));
	}
}
