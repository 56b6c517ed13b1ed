package org.safepassage.evidence.domain;

import java.time.LocalDate;

/** What a researcher records of one {@link SourceReport}: the source and its figure. */
public record ReportContent(String organisation, String title, String url, LocalDate publishedOn, ReportedFigure figure,
		String quote, Reliability reliability, String note) {
}
