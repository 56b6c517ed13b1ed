package org.safepassage.evidence.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.forms.FuzzyDateInput;
import org.safepassage.evidence.store.IncidentRepository;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.shared.validation.WholeNumber;

/**
 * What a reader filters the incident list by; every field may be left empty. The year is
 * a date of {@link DatePrecision#YEAR}, so it is checked like any other: from 1900 up to
 * this year.
 */
@FuzzyDateInput(first = "year", last = "year", message = "{evidence.year.invalid}")
record IncidentFilter(
		@Size(max = 40) @OneOf(value = IncidentKind.class, message = "{evidence.kind.invalid}") String kind,
		@Size(max = 4) String year, @Size(max = 100) @PlainText String place,
		@Size(max = 100) @PlainText String organisation, @Size(max = 200) @PlainText String q,
		@Size(max = 20) @OneOf(value = IncidentState.class, message = "{evidence.state.invalid}") String state,
		@Size(max = 6) @WholeNumber(max = IncidentFilter.MAX_PAGE, message = "{evidence.page.invalid}") String page)
		implements
			FuzzyDateInput.Typed {

	static final int MAX_PAGE = 10_000;

	@Override
	public FuzzyDateInput.Text typedDate() {
		return new FuzzyDateInput.Text(DatePrecision.YEAR.name(), year, null);
	}

	int pageNumber() {
		Long number = FormValues.wholeNumber(page);
		return number == null ? 0 : number.intValue();
	}

	/**
	 * The public sees published incidents whatever they ask for; researchers may choose a
	 * state.
	 */
	IncidentRepository.Criteria criteria(boolean draftsVisible) {
		IncidentState chosen = draftsVisible ? EnumNames.parse(IncidentState.class, state) : IncidentState.PUBLISHED;
		Long chosenYear = FormValues.wholeNumber(year);
		return new IncidentRepository.Criteria(chosen, EnumNames.parse(IncidentKind.class, kind),
				chosenYear == null ? null : chosenYear.intValue(), FormValues.text(place),
				FormValues.text(organisation), FormValues.text(q));
	}

	/** Query parameters that reproduce this filter, for pager and export links. */
	Map<String, String> asParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "kind", kind);
		put(parameters, "year", year);
		put(parameters, "place", place);
		put(parameters, "organisation", organisation);
		put(parameters, "q", q);
		put(parameters, "state", state);
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, String value) {
		String text = FormValues.text(value);
		if (text != null) {
			parameters.put(name, text);
		}
	}
}
