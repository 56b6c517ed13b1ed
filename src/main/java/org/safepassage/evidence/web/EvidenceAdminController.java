package org.safepassage.evidence.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.PlacePrecision;
import org.safepassage.evidence.forms.IncidentForm;
import org.safepassage.evidence.forms.OverrideForm;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.evidence.store.EvidenceEditing;
import org.safepassage.evidence.store.LinkedPetitions;
import org.safepassage.evidence.store.ProtectedNotes;
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
 * The researchers' evidence registry: the list of every incident, drafts included, and
 * its export; researchers record incidents, publish them, and override figures with a
 * note. Source reports are {@link ReportAdminController}'s.
 */
@Controller
@RequestMapping("/admin/evidence")
class EvidenceAdminController {

	private final EvidenceCatalogue catalogue;

	private final EvidenceEditing editing;

	private final EvidenceViews views;

	private final LinkedPetitions petitions;

	private final IncidentLists lists;

	private final ProtectedNotes notes;

	EvidenceAdminController(EvidenceCatalogue catalogue, EvidenceEditing editing, EvidenceViews views,
			LinkedPetitions petitions, IncidentLists lists, ProtectedNotes notes) {
		this.catalogue = catalogue;
		this.editing = editing;
		this.views = views;
		this.petitions = petitions;
		this.lists = lists;
		this.notes = notes;
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
		lists.addPage(model, "/admin/evidence", filter, true, locale);
		return "admin/evidence/list";
	}

	@GetMapping("/incidents.csv")
	String exportCsv(@Valid @ModelAttribute("filter") IncidentFilter filter, BindingResult errors, Locale locale,
			Model model, HttpServletResponse response) throws IOException {
		if (errors.hasErrors()) {
			return list(filter, errors, locale, model, response);
		}
		lists.writeCsv(filter, true, response);
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
		long id = editing.createIncident(form.toContent(), form.petitions(), IncidentState.DRAFT, principal.getName());
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@GetMapping("/incidents/{id}")
	String show(@PathVariable long id, Locale locale, Model model) {
		EvidenceCatalogue.Listed listed = find(id);
		model.addAttribute("incident", views.original(listed, locale));
		model.addAttribute("notedReports", notes.reportsWithNotes(id));
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
		editing.updateIncident(id, form.toContent(), form.petitions());
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@PostMapping("/incidents/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		editing.setState(id, IncidentState.PUBLISHED);
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@PostMapping("/incidents/{id}/unpublish")
	String unpublish(@PathVariable long id, RedirectAttributes redirect) {
		editing.setState(id, IncidentState.DRAFT);
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	/**
	 * Only drafts can be deleted: published evidence may already be cited, so it is
	 * unpublished instead.
	 */
	@PostMapping("/incidents/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (!editing.deleteDraft(id)) {
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
		editing.setOverride(id, form.toOverride());
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
	}

	@PostMapping("/incidents/{id}/override/clear")
	String clearOverride(@PathVariable long id, RedirectAttributes redirect) {
		editing.setOverride(id, null);
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/incidents/" + id;
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

	private void checkPetitions(IncidentForm form, BindingResult errors) {
		if (!errors.hasFieldErrors("petitionIds") && !petitions.allExist(form.petitions())) {
			errors.rejectValue("petitionIds", "evidence.petitions.unknown");
		}
	}

	private EvidenceCatalogue.Listed find(long id) {
		return catalogue.incident(id, true).orElseThrow(() -> new NotFoundException("No incident " + id));
	}

}
