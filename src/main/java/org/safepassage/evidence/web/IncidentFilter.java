package org.safepassage.evidence.web;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.forms.Typed;
import org.safepassage.evidence.store.IncidentRepository;
import org.safepassage.shared.validation.PlainText;

/** What a reader filters the incident list by; every field may be left empty. */
record IncidentFilter(@Size(max = 40) String kind, @Size(max = 4) String year, @Size(max = 100) @PlainText String place,
		@Size(max = 100) @PlainText String organisation, @Size(max = 200) @PlainText String q,
		@Size(max = 20) String state, @Size(max = 6) String page) {

	static final int MAX_PAGE = 10_000;

	@AssertTrue(message = "{evidence.kind.invalid}")
	public boolean isKindValid() {
		return Typed.blank(kind) || IncidentKind.parse(kind) != null;
	}

	@AssertTrue(message = "{evidence.year.invalid}")
	public boolean isYearValid() {
		if (Typed.blank(year)) {
			return true;
		}
		return year.strip().matches("\\d{4}") && Integer.parseInt(year.strip()) >= 1900
				&& Integer.parseInt(year.strip()) <= Year.now().getValue();
	}

	@AssertTrue(message = "{evidence.state.invalid}")
	public boolean isStateValid() {
		return Typed.blank(state) || IncidentState.parse(state) != null;
	}

	@AssertTrue(message = "{evidence.page.invalid}")
	public boolean isPageValid() {
		return Typed.blank(page) || page.strip().matches("\\d{1,5}") && Integer.parseInt(page.strip()) <= MAX_PAGE;
	}

	int pageNumber() {
		return Typed.blank(page) ? 0 : Integer.parseInt(page.strip());
	}

	/**
	 * The public sees published incidents whatever they ask for; researchers may choose a
	 * state.
	 */
	IncidentRepository.Criteria criteria(boolean draftsVisible) {
		IncidentState chosen = draftsVisible ? IncidentState.parse(state) : IncidentState.PUBLISHED;
		return new IncidentRepository.Criteria(chosen, IncidentKind.parse(kind),
				Typed.blank(year) ? null : Integer.valueOf(year.strip()), Typed.text(place), Typed.text(organisation),
				Typed.text(q));
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
		if (!Typed.blank(value)) {
			parameters.put(name, value.strip());
		}
	}

	static IncidentFilter none() {
		return new IncidentFilter(null, null, null, null, null, null, null);
	}
}
