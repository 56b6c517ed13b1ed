package org.safepassage.evidence.domain;

import java.time.LocalDate;

/** What a researcher records of one {@link SourceReport}: the source and its figure. */
public record ReportContent(String organisation, String title, String url, LocalDate publishedOn, ReportedFigure figure,
		String quote, Reliability reliability, String note) {

	/**
	 * The kind of a report's translations: its title, quote and note (the organisation
	 * stays as written, the figure as the source wrote it is shown as written).
	 */
	public static final String TRANSLATION_KIND = "report";

}
