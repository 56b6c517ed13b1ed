package org.safepassage.evidence.forms;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.PlacePrecision;
import org.safepassage.shared.validation.CountryCode;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;

/** A researcher's form for an incident; also one CSV row's incident columns. */
@FuzzyDateInput(first = "date", last = "dateTo")
public record IncidentForm(
		@NotBlank @OneOf(value = IncidentKind.class, message = "{evidence.kind.invalid}") String kind,
		@NotBlank @Size(max = 150) @PlainText String title,
		@NotBlank @OneOf(value = DatePrecision.class,
				message = "{evidence.datePrecision.invalid}") String datePrecision,
		@NotBlank @Size(max = 10) String date, @Size(max = 10) String dateTo,
		@NotBlank @Size(max = 200) @PlainText String place,
		@NotBlank @OneOf(value = PlacePrecision.class,
				message = "{evidence.placePrecision.invalid}") String placePrecision,
		@NotBlank @Size(max = 2) @CountryCode(message = "{validation.country}") String departureCountry,
		@NotBlank @Size(max = 2) @CountryCode(message = "{validation.country}") String returnCountry,
		@NotBlank @Size(max = 1000) @PlainText(multiline = true) String summary,
		@Size(max = 500) @PlainText @TagList String tags, List<Long> petitionIds) implements FuzzyDateInput.Typed {

	public static IncidentForm empty() {
		return new IncidentForm("FORCED_REPATRIATION", "", "DAY", "", "", "", "COUNTRY", "CN", "KP", "", "", List.of());
	}

	public static IncidentForm of(IncidentContent c, List<Long> petitionIds) {
		return new IncidentForm(c.kind().name(), c.title(), c.date().precision().name(), c.date().firstInput(),
				c.date().lastInput(), c.place(), c.placePrecision().name(), c.departureCountry(), c.returnCountry(),
				c.summary(), String.join(", ", c.tags()), petitionIds);
	}

	@Override
	public FuzzyDateInput.Text typedDate() {
		return new FuzzyDateInput.Text(datePrecision, date, dateTo);
	}

	public List<Long> petitions() {
		return petitionIds == null ? List.of() : petitionIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	/** Call only once the form is valid. */
	public IncidentContent toContent() {
		FuzzyDate fuzzyDate = FuzzyDate.read(EnumNames.parse(DatePrecision.class, datePrecision), date, dateTo)
			.orElseThrow();
		return new IncidentContent(EnumNames.parse(IncidentKind.class, kind), title.strip(), fuzzyDate, place.strip(),
				EnumNames.parse(PlacePrecision.class, placePrecision), FormValues.countryCode(departureCountry),
				FormValues.countryCode(returnCountry), summary.strip(), IncidentContent.readTags(tags));
	}
}
