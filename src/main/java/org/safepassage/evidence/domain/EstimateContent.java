package org.safepassage.evidence.domain;

import java.time.LocalDate;

/** What a researcher writes about an {@link Estimate}: the statement and its source. */
public record EstimateContent(String statement, Estimate.Measure measure, Estimate.Rate rate, FuzzyDate period,
		ReportedFigure figure, String organisation, String sourceTitle, String url, LocalDate publishedOn, String quote,
		String note) {

	/**
	 * The kind of an estimate's translations: its statement, source title, quote and note
	 * (the organisation stays as written, the figure is a number).
	 */
	public static final String TRANSLATION_KIND = "estimate";

}
