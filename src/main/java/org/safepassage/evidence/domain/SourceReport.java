package org.safepassage.evidence.domain;

/** What one source said about one incident. */
public record SourceReport(long id, long incidentId, ReportContent content) {

	public Reconciliation.Claim claim() {
		return new Reconciliation.Claim(content.figure(), content.reliability());
	}
}
