package org.safepassage.evidence.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.evidence.domain.Reliability;
import org.safepassage.evidence.domain.SourceReport;
import org.safepassage.evidence.forms.ProtectedNoteForm;
import org.safepassage.evidence.forms.ReportForm;
import org.safepassage.evidence.forms.RevealForm;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.evidence.store.EvidenceEditing;
import org.safepassage.evidence.store.ProtectedNotes;
import org.safepassage.evidence.store.ReportRepository;
import org.safepassage.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Researchers add, correct and remove what each source reported on an incident: one
 * report per source. A report's protected note is typed here, shown only as "stored", and
 * opened with a reason that the audit log keeps ({@link ProtectedNotes}); the whole of
 * {@code /admin/evidence} is for admins and researchers.
 */
@Controller
@RequestMapping("/admin/evidence")
class ReportAdminController {

	private final EvidenceCatalogue catalogue;

	private final EvidenceEditing editing;

	private final ReportRepository reports;

	private final ProtectedNotes notes;

	ReportAdminController(EvidenceCatalogue catalogue, EvidenceEditing editing, ReportRepository reports,
			ProtectedNotes notes) {
		this.catalogue = catalogue;
		this.editing = editing;
		this.reports = reports;
		this.notes = notes;
	}

	@GetMapping("/incidents/{id}/reports/new")
	String newReport(@PathVariable long id, Model model) {
		model.addAttribute("form", ReportForm.empty());
		model.addAttribute("protectedForm", ProtectedNoteForm.empty());
		return reportForm(find(id), null, model);
	}

	@PostMapping("/incidents/{id}/reports")
	String addReport(@PathVariable long id, @Valid @ModelAttribute("form") ReportForm form, BindingResult errors,
			@Valid @ModelAttribute("protectedForm") ProtectedNoteForm protectedForm, BindingResult protectedErrors,
			Model model, Principal principal, RedirectAttributes redirect) {
		EvidenceCatalogue.Listed incident = find(id);
		if (!errors.hasErrors() && !protectedErrors.hasErrors()) {
			try {
				editing.addReport(id, form.toContent(), protectedForm.note(), principal.getName());
				redirect.addFlashAttribute("done", true);
				return "redirect:/admin/evidence/incidents/" + id;
			}
			catch (EvidenceEditing.DuplicateSource e) {
				errors.rejectValue("organisation", "evidence.organisation.duplicate");
			}
		}
		return reportForm(incident, null, model);
	}

	@GetMapping("/reports/{reportId}/edit")
	String editReport(@PathVariable long reportId, Model model) {
		SourceReport report = findReport(reportId);
		model.addAttribute("form", ReportForm.of(report.content()));
		model.addAttribute("protectedForm", ProtectedNoteForm.empty());
		return reportForm(find(report.incidentId()), reportId, model);
	}

	@PostMapping("/reports/{reportId}")
	String updateReport(@PathVariable long reportId, @Valid @ModelAttribute("form") ReportForm form,
			BindingResult errors, @Valid @ModelAttribute("protectedForm") ProtectedNoteForm protectedForm,
			BindingResult protectedErrors, Model model, RedirectAttributes redirect) {
		SourceReport report = findReport(reportId);
		if (!errors.hasErrors() && !protectedErrors.hasErrors()) {
			try {
				editing.updateReport(reportId, form.toContent(), protectedForm.note(), protectedForm.remove());
				redirect.addFlashAttribute("done", true);
				return "redirect:/admin/evidence/incidents/" + report.incidentId();
			}
			catch (EvidenceEditing.DuplicateSource e) {
				errors.rejectValue("organisation", "evidence.organisation.duplicate");
			}
		}
		return reportForm(find(report.incidentId()), reportId, model);
	}

	@PostMapping("/reports/{reportId}/delete")
	String deleteReport(@PathVariable long reportId, RedirectAttributes redirect) {
		SourceReport report = findReport(reportId);
		editing.deleteReport(reportId);
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + report.incidentId();
	}

	/**
	 * Opens the protected note for this response only (never a redirect: a flash
	 * attribute would put it in the session table), after the audit log has the reader
	 * and the reason.
	 */
	@PostMapping("/reports/{reportId}/protected-note/reveal")
	String revealNote(@PathVariable long reportId, @Valid @ModelAttribute("revealForm") RevealForm reveal,
			BindingResult errors, Model model, Principal principal, HttpServletRequest request,
			HttpServletResponse response) {
		SourceReport report = findReport(reportId);
		model.addAttribute("form", ReportForm.of(report.content()));
		model.addAttribute("protectedForm", ProtectedNoteForm.empty());
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return reportForm(find(report.incidentId()), reportId, model);
		}
		String note = notes.reveal(reportId, principal.getName(), reveal.reason(), request.getRemoteAddr())
			.orElseThrow(() -> new NotFoundException("Report " + reportId + " has no protected note"));
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("revealedNote", note);
		return reportForm(find(report.incidentId()), reportId, model);
	}

	private String reportForm(EvidenceCatalogue.Listed incident, Long reportId, Model model) {
		if (!model.containsAttribute("revealForm")) {
			model.addAttribute("revealForm", RevealForm.empty());
		}
		model.addAttribute("hasProtectedNote", reportId != null && notes.has(reportId));
		model.addAttribute("incidentId", incident.id());
		model.addAttribute("incidentTitle", incident.content().title());
		model.addAttribute("reportId", reportId);
		model.addAttribute("reliabilities", Reliability.values());
		return "admin/evidence/report-form";
	}

	private EvidenceCatalogue.Listed find(long id) {
		return catalogue.incident(id, true).orElseThrow(() -> new NotFoundException("No incident " + id));
	}

	private SourceReport findReport(long id) {
		return reports.find(id).orElseThrow(() -> new NotFoundException("No report " + id));
	}

}
