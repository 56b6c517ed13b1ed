package org.safepassage.evidence;

import java.util.List;

import org.safepassage.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write side for researchers: incidents, their source reports, overrides and estimates.
 */
@Service
@Transactional
class EvidenceRecords {

	private final IncidentRepository incidents;

	private final ReportRepository reports;

	private final EstimateRepository estimates;

	EvidenceRecords(IncidentRepository incidents, ReportRepository reports, EstimateRepository estimates) {
		this.incidents = incidents;
		this.reports = reports;
		this.estimates = estimates;
	}

	/**
	 * The source already has a report on this incident: one claim per source, edit that
	 * one instead.
	 */
	static class DuplicateSource extends RuntimeException {

		DuplicateSource() {
			super("This organisation already has a report on this incident");
		}

	}

	long createIncident(Incident.IncidentContent content, List<Long> petitionIds, IncidentState state, String by) {
		long id = incidents.insert(content, state, by);
		incidents.link(id, petitionIds);
		return id;
	}

	void updateIncident(long id, Incident.IncidentContent content, List<Long> petitionIds) {
		require(incidents.update(id, content), id);
		incidents.link(id, petitionIds);
	}

	void setState(long id, IncidentState state) {
		require(incidents.setState(id, state), id);
	}

	/** Null clears the override and the derived figure applies again. */
	void setOverride(long id, Reconciliation.Override override) {
		require(incidents.setOverride(id, override), id);
	}

	boolean deleteDraft(long id) {
		return incidents.deleteDraft(id);
	}

	long addReport(long incidentId, SourceReport.Content content, String by) {
		incidents.find(incidentId).orElseThrow(() -> new NotFoundException("No incident " + incidentId));
		try {
			return reports.insert(incidentId, content, by);
		}
		catch (DuplicateKeyException e) {
			throw new DuplicateSource();
		}
	}

	void updateReport(long id, SourceReport.Content content) {
		try {
			require(reports.update(id, content), id);
		}
		catch (DuplicateKeyException e) {
			throw new DuplicateSource();
		}
	}

	void deleteReport(long id) {
		require(reports.delete(id), id);
	}

	long createEstimate(Estimate.Content content, IncidentState state, List<Long> petitionIds, String by) {
		long id = estimates.insert(content, state, by);
		estimates.link(id, petitionIds);
		return id;
	}

	void updateEstimate(long id, Estimate.Content content, IncidentState state, List<Long> petitionIds) {
		require(estimates.update(id, content, state), id);
		estimates.link(id, petitionIds);
	}

	/** All or nothing: one transaction for the whole file. */
	int importAll(List<CsvImport.PlannedIncident> planned, String by) {
		for (CsvImport.PlannedIncident p : planned) {
			long id = createIncident(p.content(), p.petitionIds(), p.state(), by);
			for (SourceReport.Content report : p.reports()) {
				reports.insert(id, report, by);
			}
		}
		return planned.size();
	}

	private static void require(boolean changed, long id) {
		if (!changed) {
			throw new NotFoundException("No record " + id);
		}
	}

}
