package org.safepassage.evidence.web;

import java.security.Principal;
import java.util.Locale;

import jakarta.validation.Valid;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.forms.EstimateForm;
import org.safepassage.evidence.store.EstimateRepository;
import org.safepassage.evidence.store.EvidenceEditing;
import org.safepassage.evidence.store.LinkedPetitions;
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

/** Researchers record estimates that are not events, each with its period and source. */
@Controller
@RequestMapping("/admin/evidence/estimates")
class EstimateAdminController {

	private final EstimateRepository estimates;

	private final EvidenceEditing editing;

	private final EvidenceViews views;

	private final LinkedPetitions petitions;

	EstimateAdminController(EstimateRepository estimates, EvidenceEditing editing, EvidenceViews views,
			LinkedPetitions petitions) {
		this.estimates = estimates;
		this.editing = editing;
		this.views = views;
		this.petitions = petitions;
	}

	@GetMapping
	String list(Locale locale, Model model) {
		model.addAttribute("estimates",
				estimates.all(null).stream().map(e -> views.originalEstimate(e, locale)).toList());
		return "admin/evidence/estimates";
	}

	@GetMapping("/new")
	String newEstimate(Model model) {
		model.addAttribute("form", EstimateForm.empty());
		return form(null, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") EstimateForm form, BindingResult errors, Model model,
			Principal principal, RedirectAttributes redirect) {
		checkPetitions(form, errors);
		if (errors.hasErrors()) {
			return form(null, model);
		}
		editing.createEstimate(form.toContent(), form.state(), form.petitions(), principal.getName());
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/estimates";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Estimate estimate = find(id);
		model.addAttribute("form", EstimateForm.of(estimate, estimates.petitions(id)));
		return form(id, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") EstimateForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		find(id);
		checkPetitions(form, errors);
		if (errors.hasErrors()) {
			return form(id, model);
		}
		editing.updateEstimate(id, form.toContent(), form.state(), form.petitions());
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/evidence/estimates";
	}

	private String form(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("measures", Estimate.Measure.values());
		model.addAttribute("rates", Estimate.Rate.values());
		model.addAttribute("datePrecisions", DatePrecision.values());
		model.addAttribute("petitionOptions", petitions.options());
		return "admin/evidence/estimate-form";
	}

	private void checkPetitions(EstimateForm form, BindingResult errors) {
		if (!errors.hasFieldErrors("petitionIds") && !petitions.allExist(form.petitions())) {
			errors.rejectValue("petitionIds", "evidence.petitions.unknown");
		}
	}

	private Estimate find(long id) {
		return estimates.find(id).orElseThrow(() -> new NotFoundException("No estimate " + id));
	}

}
