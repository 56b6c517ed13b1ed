package org.safepassage.evidence.domain;

import java.time.LocalDate;

/** What one source said about one incident. */
public record SourceReport(long id, long incidentId, Content content) {

	public record Content(String organisation, String title, String url, LocalDate publishedOn, ReportedFigure figure,
			String quote, Reliability reliability, String note) {
	}

	public Reconciliation.Claim claim() {
		return new Reconciliation.Claim(content.figure(), content.reliability());
	}
}
