package org.safepassage.evidence.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.evidence.csv.CsvExport;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.PlacePrecision;
import org.safepassage.evidence.domain.Reliability;
import org.safepassage.evidence.domain.SourceReport;
import org.safepassage.evidence.forms.IncidentForm;
import org.safepassage.evidence.forms.OverrideForm;
import org.safepassage.evidence.forms.ReportForm;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.evidence.store.EvidenceRecords;
import org.safepassage.evidence.store.LinkedPetitions;
import org.safepassage.evidence.store.ReportRepository;
import org.safepassage.shared.Countries;
import org.safepassage.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Researchers record incidents and their source reports, publish them, and override
 * figures with a note.
 */
@Controller
@RequestMapping("/admin/evidence")
class EvidenceAdminController {

	private final EvidenceCatalogue catalogue;

	private final EvidenceRecords records;

	private final ReportRepository reports;

	private final EvidenceViews views;

	private final LinkedPetitions petitions;

	private final CsvExport export;

	EvidenceAdminController(EvidenceCatalogue catalogue, EvidenceRecords records, ReportRepository reports,
			EvidenceViews views, LinkedPetitions petitions, CsvExport export) {
		this.catalogue = catalogue;
		this.records = records;
		this.reports = reports;
		this.views = views;
		this.petitions = petitions;
		this.export = export;
	}

	@GetMapping
	String list(@Valid @ModelAttribute("filter") IncidentFilter filter, BindingResult errors, Locale locale,
			Model model, HttpServletResponse response) {
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("states", IncidentState.values());
		model.addAttribute("unreadable", catalogue.unreadableReports());
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "admin/evidence/list";
		}
		EvidenceCatalogue.Page page = catalogue.search(filter.criteria(true), filter.pageNumber());
		model.addAttribute("result", page);
		model.addAttribute("incidents", page.items().stream().map(l -> views.incident(l, locale)).toList());
		model.addAttribute("previousLink",
				page.page() > 0 ? EvidencePageController.link("/admin/evidence", filter, page.page() - 1) : null);
		model.addAttribute("nextLink",
				page.hasNext() ? EvidencePageController.link("/admin/evidence", filter, page.page() + 1) : null);
		model.addAttribute("exportLink", EvidencePageController.link("/admin/evidence/incidents.csv", filter, 0));
		return "admin/evidence/list";
	}

	@GetMapping("/incidents.csv")
	String exportCsv(@Valid @ModelAttribute("filter") IncidentFilter filter, BindingResult errors, Locale locale,
			Model model, HttpServletResponse response) throws IOException {
		if (errors.hasErrors()) {
			return list(filter, errors, locale, model, response);
		}
		EvidencePageController.writeCsv(catalogue, export, filter.criteria(true), response);
		return null;
	}

	@GetMapping("/incidents/new")
	String newIncident(Model model) {
		model.addAttribute("form", IncidentForm.empty());
		return incidentForm(null, model);
	}

	@PostMapping("/incidents")
	String create(@Valid @ModelAttribute("form") IncidentForm form, BindingResult errors, Model model,
			Principal principal) {
		checkPetitions(form, errors);
		if (errors.hasErrors()) {
			return incidentForm(null, model);
		}
		long id = records.createIncident(form.toContent(), form.petitions(), IncidentState.DRAFT, principal.getName());
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@GetMapping("/incidents/{id}")
	String show(@PathVariable long id, Locale locale, Model model) {
		EvidenceCatalogue.Listed listed = find(id);
		model.addAttribute("incident", views.incident(listed, locale));
		model.addAttribute("petitions",
				catalogue.petitions(id)
					.stream()
					.flatMap(p -> petitions.options().stream().filter(o -> o.id() == p))
					.toList());
		if (!model.containsAttribute("overrideForm")) {
			model.addAttribute("overrideForm", OverrideForm.of(listed.incident().override()));
		}
		return "admin/evidence/incident";
	}

	@GetMapping("/incidents/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		EvidenceCatalogue.Listed listed = find(id);
		model.addAttribute("form", IncidentForm.of(listed.content(), catalogue.petitions(id)));
		return incidentForm(id, model);
	}

	@PostMapping("/incidents/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") IncidentForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		find(id);
		checkPetitions(form, errors);
		if (errors.hasErrors()) {
			return incidentForm(id, model);
		}
		records.updateIncident(id, form.toContent(), form.petitions());
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@PostMapping("/incidents/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		records.setState(id, IncidentState.PUBLISHED);
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@PostMapping("/incidents/{id}/unpublish")
	String unpublish(@PathVariable long id, RedirectAttributes redirect) {
		records.setState(id, IncidentState.DRAFT);
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	/**
	 * Only drafts can be deleted: published evidence may already be cited, so it is
	 * unpublished instead.
	 */
	@PostMapping("/incidents/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (!records.deleteDraft(id)) {
			redirect.addFlashAttribute("ruleError", "evidence.rule.deleteOnlyDraft");
			return "redirect:/admin/evidence/incidents/" + id;
		}
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/admin/evidence";
	}

	@PostMapping("/incidents/{id}/override")
	String override(@PathVariable long id, @Valid @ModelAttribute("overrideForm") OverrideForm form,
			BindingResult errors, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		find(id);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(id, locale, model);
		}
		records.setOverride(id, form.toOverride());
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@PostMapping("/incidents/{id}/override/clear")
	String clearOverride(@PathVariable long id, RedirectAttributes redirect) {
		records.setOverride(id, null);
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@GetMapping("/incidents/{id}/reports/new")
	String newReport(@PathVariable long id, Model model) {
		model.addAttribute("form", ReportForm.empty());
		return reportForm(find(id), null, model);
	}

	@PostMapping("/incidents/{id}/reports")
	String addReport(@PathVariable long id, @Valid @ModelAttribute("form") ReportForm form, BindingResult errors,
			Model model, Principal principal, RedirectAttributes redirect) {
		EvidenceCatalogue.Listed incident = find(id);
		if (!errors.hasErrors()) {
			try {
				records.addReport(id, form.toContent(), principal.getName());
				redirect.addFlashAttribute("done", true);
				return "redirect:/admin/evidence/incidents/" + id;
			}
			catch (EvidenceRecords.DuplicateSource e) {
				errors.rejectValue("organisation", "evidence.organisation.duplicate");
			}
		}
		return reportForm(incident, null, model);
	}

	@GetMapping("/reports/{reportId}/edit")
	String editReport(@PathVariable long reportId, Model model) {
		SourceReport report = findReport(reportId);
		model.addAttribute("form", ReportForm.of(report.content()));
		return reportForm(find(report.incidentId()), reportId, model);
	}

	@PostMapping("/reports/{reportId}")
	String updateReport(@PathVariable long reportId, @Valid @ModelAttribute("form") ReportForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		SourceReport report = findReport(reportId);
		if (!errors.hasErrors()) {
			try {
				records.updateReport(reportId, form.toContent());
				redirect.addFlashAttribute("done", true);
				return "redirect:/admin/evidence/incidents/" + report.incidentId();
			}
			catch (EvidenceRecords.DuplicateSource e) {
				errors.rejectValue("organisation", "evidence.organisation.duplicate");
			}
		}
		return reportForm(find(report.incidentId()), reportId, model);
	}

	@PostMapping("/reports/{reportId}/delete")
	String deleteReport(@PathVariable long reportId, RedirectAttributes redirect) {
		SourceReport report = findReport(reportId);
		records.deleteReport(reportId);
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + report.incidentId();
	}

	private String incidentForm(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("datePrecisions", DatePrecision.values());
		model.addAttribute("placePrecisions", PlacePrecision.values());
		model.addAttribute("countries", Countries.all(LocaleContextHolder.getLocale()));
		model.addAttribute("petitionOptions", petitions.options());
		return "admin/evidence/incident-form";
	}

	private String reportForm(EvidenceCatalogue.Listed incident, Long reportId, Model model) {
		model.addAttribute("incidentId", incident.id());
		model.addAttribute("incidentTitle", incident.content().title());
		model.addAttribute("reportId", reportId);
		model.addAttribute("reliabilities", Reliability.values());
		return "admin/evidence/report-form";
	}

	private void checkPetitions(IncidentForm form, BindingResult errors) {
		if (!errors.hasFieldErrors("petitionIds") && !petitions.allExist(form.petitions())) {
			errors.rejectValue("petitionIds", "evidence.petitions.unknown");
		}
	}

	private EvidenceCatalogue.Listed find(long id) {
		return catalogue.incident(id, true).orElseThrow(() -> new NotFoundException("No incident " + id));
	}

	private SourceReport findReport(long id) {
		return reports.find(id).orElseThrow(() -> new NotFoundException("No report " + id));
	}

}
