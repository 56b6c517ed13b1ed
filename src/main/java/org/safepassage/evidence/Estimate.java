package org.safepassage.evidence;

import java.time.LocalDate;

/**
 * A figure that is not an event ("about 4,000 returned a year", "500,000 crossed in ten
 * years"): it has a period and a source, and is never added into incident totals.
 */
record Estimate(long id, Content content, IncidentState state) {

	enum Measure {

		RETURNED, CROSSED, DETAINED, OTHER

	}

	enum Rate {

		PER_YEAR, PER_MONTH, TOTAL

	}

	record Content(String statement, Measure measure, Rate rate, FuzzyDate period, ReportedFigure figure,
			String organisation, String sourceTitle, String url, LocalDate publishedOn, String quote, String note) {
	}
}
