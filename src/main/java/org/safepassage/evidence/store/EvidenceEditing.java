package org.safepassage.evidence.store;

import java.util.List;

import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.Reconciliation;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What researchers change, the write side beside {@link EvidenceCatalogue}: recording,
 * correcting, publishing and deleting incidents, their source reports, overrides and
 * estimates.
 */
@Service
@Transactional
public class EvidenceEditing {

	private final IncidentRepository incidents;

	private final ReportRepository reports;

	private final EstimateRepository estimates;

	private final ProtectedNotes notes;

	EvidenceEditing(IncidentRepository incidents, ReportRepository reports, EstimateRepository estimates,
			ProtectedNotes notes) {
		this.incidents = incidents;
		this.reports = reports;
		this.estimates = estimates;
		this.notes = notes;
	}

	/**
	 * The source already has a report on this incident: one claim per source, edit that
	 * one instead.
	 */
	public static class DuplicateSource extends RuntimeException {

		DuplicateSource() {
			super("This organisation already has a report on this incident");
		}

	}

	public long createIncident(IncidentContent content, List<Long> petitionIds, IncidentState state, String by) {
		long id = incidents.insert(content, state, by);
		incidents.link(id, petitionIds);
		return id;
	}

	/**
	 * An incident with its source reports, as an import describes it; the import has
	 * already checked that no source reports twice.
	 */
	public long createIncident(IncidentContent content, List<Long> petitionIds, IncidentState state,
			List<ReportContent> sourceReports, String by) {
		long id = createIncident(content, petitionIds, state, by);
		for (ReportContent report : sourceReports) {
			reports.insert(id, report, by);
		}
		return id;
	}

	public void updateIncident(long id, IncidentContent content, List<Long> petitionIds) {
		require(incidents.update(id, content), id);
		incidents.link(id, petitionIds);
	}

	public void setState(long id, IncidentState state) {
		require(incidents.setState(id, state), id);
	}

	/** Null clears the override and the derived figure applies again. */
	public void setOverride(long id, Reconciliation.Override override) {
		require(incidents.setOverride(id, override), id);
	}

	public boolean deleteDraft(long id) {
		notes.removeAllOfDraft(id);
		return incidents.deleteDraft(id);
	}

	/**
	 * @param protectedNote sealed apart from the content ({@link ProtectedNotes}); null
	 * for none
	 */
	public long addReport(long incidentId, ReportContent content, String protectedNote, String by) {
		incidents.find(incidentId).orElseThrow(() -> new NotFoundException("No incident " + incidentId));
		long id;
		try {
			id = reports.insert(incidentId, content, by);
		}
		catch (DuplicateKeyException e) {
			throw new DuplicateSource();
		}
		if (protectedNote != null) {
			notes.write(id, protectedNote);
		}
		return id;
	}

	/**
	 * @param protectedNote a new protected note, or null to keep the stored one
	 * @param removeProtectedNote deletes the stored note and its data key
	 */
	public void updateReport(long id, ReportContent content, String protectedNote, boolean removeProtectedNote) {
		try {
			require(reports.update(id, content), id);
		}
		catch (DuplicateKeyException e) {
			throw new DuplicateSource();
		}
		if (removeProtectedNote) {
			notes.remove(id);
		}
		else if (protectedNote != null) {
			notes.write(id, protectedNote);
		}
	}

	/** Deletes the report; its protected note's data key goes with it. */
	public void deleteReport(long id) {
		notes.remove(id);
		require(reports.delete(id), id);
	}

	public long createEstimate(EstimateContent content, IncidentState state, List<Long> petitionIds, String by) {
		long id = estimates.insert(content, state, by);
		estimates.link(id, petitionIds);
		return id;
	}

	public void updateEstimate(long id, EstimateContent content, IncidentState state, List<Long> petitionIds) {
		require(estimates.update(id, content, state), id);
		estimates.link(id, petitionIds);
	}

	private static void require(boolean changed, long id) {
		if (!changed) {
			throw new NotFoundException("No record " + id);
		}
	}

}
