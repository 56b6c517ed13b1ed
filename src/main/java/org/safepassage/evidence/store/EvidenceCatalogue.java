package org.safepassage.evidence.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.evidence.domain.Incident;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReconciledFigure;
import org.safepassage.evidence.domain.Reconciliation;
import org.safepassage.evidence.domain.SourceReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side: incidents with their reports and reconciled figures, for the public and for
 * researchers.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceCatalogue {

	public static final int PAGE_SIZE = 20;

	static final int EXPORT_LIMIT = 10_000;

	private final IncidentRepository incidents;

	private final ReportRepository reports;

	EvidenceCatalogue(IncidentRepository incidents, ReportRepository reports) {
		this.incidents = incidents;
		this.reports = reports;
	}

	/** An incident as pages, the API and exports show it. */
	public record Listed(Incident incident, List<SourceReport> reports, ReconciledFigure figure) {

		public long id() {
			return incident.id();
		}

		public IncidentContent content() {
			return incident.content();
		}
	}

	public record Page(List<Listed> items, int page, boolean hasNext, long total) {
	}

	public Page search(IncidentRepository.Criteria criteria, int page) {
		IncidentRepository.Found found = incidents.find(criteria, PAGE_SIZE, page * PAGE_SIZE);
		return new Page(withReports(found.incidents()), page, (long) (page + 1) * PAGE_SIZE < found.total(),
				found.total());
	}

	public List<Listed> export(IncidentRepository.Criteria criteria) {
		return withReports(incidents.find(criteria, EXPORT_LIMIT, 0).incidents());
	}

	/**
	 * A draft is only found when the reader may see drafts; to anyone else it does not
	 * exist.
	 */
	public Optional<Listed> incident(long id, boolean draftsVisible) {
		return incidents.find(id).filter(i -> draftsVisible || i.published()).map(i -> listed(i, reports.of(i.id())));
	}

	public List<Listed> publishedForPetition(long petitionId) {
		return withReports(incidents.publishedForPetition(petitionId));
	}

	public List<Listed> publishedOfKind(IncidentKind kind) {
		return withReports(incidents.publishedOfKind(kind));
	}

	public List<String> organisations(boolean draftsVisible) {
		return incidents.organisations(draftsVisible ? null : IncidentState.PUBLISHED);
	}

	public List<Long> petitions(long incidentId) {
		return incidents.petitions(incidentId);
	}

	public long unreadableReports() {
		return incidents.unreadableReports();
	}

	private List<Listed> withReports(List<Incident> found) {
		Map<Long, List<SourceReport>> byIncident = reports.of(found.stream().map(Incident::id).toList());
		return found.stream().map(i -> listed(i, byIncident.getOrDefault(i.id(), List.of()))).toList();
	}

	static Listed listed(Incident incident, List<SourceReport> reports) {
		ReconciledFigure figure = Reconciliation.reconcile(reports.stream().map(SourceReport::claim).toList(),
				incident.override());
		return new Listed(incident, reports, figure);
	}

}
