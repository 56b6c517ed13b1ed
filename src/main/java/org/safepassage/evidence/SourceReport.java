package org.safepassage.evidence;

import java.time.LocalDate;

/** What one source said about one incident. */
record SourceReport(long id, long incidentId, Content content) {

	record Content(String organisation, String title, String url, LocalDate publishedOn, ReportedFigure figure,
			String quote, Reliability reliability, String note) {
	}

	Reconciliation.Claim claim() {
		return new Reconciliation.Claim(content.figure(), content.reliability());
	}
}
