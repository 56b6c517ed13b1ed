package org.safepassage.letters.web;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.safepassage.alerts.AlertDirectory;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.letters.campaign.CampaignAdministration;
import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.letters.directory.Body;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.record.ParliamentaryRecord;
import org.safepassage.letters.record.RecordKind;
import org.safepassage.letters.sending.Review;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.StaffAction;
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
 * Staff pages for letter campaigns (admins and campaigners): write, open and close a
 * campaign, keep its parliamentary record, and review letters held as near-copies.
 */
@Controller
@RequestMapping("/admin/letters")
class LetterAdminController {

	private final CampaignAdministration administration;

	private final CampaignViews views;

	private final ParliamentaryRecord record;

	private final Review review;

	private final Directory directory;

	private final PetitionDirectory petitions;

	private final AlertDirectory alerts;

	private final IncidentDirectory incidents;

	LetterAdminController(CampaignAdministration administration, CampaignViews views, ParliamentaryRecord record,
			Review review, Directory directory, PetitionDirectory petitions, AlertDirectory alerts,
			IncidentDirectory incidents) {
		this.administration = administration;
		this.views = views;
		this.record = record;
		this.review = review;
		this.directory = directory;
		this.petitions = petitions;
		this.alerts = alerts;
		this.incidents = incidents;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("campaigns", administration.all());
		return "admin/letters/list";
	}

	@GetMapping("/new")
	String newCampaign(Model model) {
		model.addAttribute("form", CampaignForm.empty());
		return formPage(null, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult errors, Model model,
			Principal principal) {
		checkChoices(form, errors);
		if (errors.hasErrors()) {
			return formPage(null, model);
		}
		long id = administration.create(form.toContent(), principal.getName());
		return "redirect:/admin/letters/" + id;
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		LetterCampaign campaign = administration.get(id);
		model.addAttribute("campaign", views.view(campaign, true));
		model.addAttribute("held", review.held(id));
		return "admin/letters/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("form", CampaignForm.of(administration.get(id).content()));
		return formPage(id, model);
	}

	@PostMapping("/{id}")
	String revise(@PathVariable long id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		checkChoices(form, errors);
		if (errors.hasErrors()) {
			return formPage(id, model);
		}
		return act(id, redirect, () -> administration.revise(id, form.toContent()));
	}

	@PostMapping("/{id}/open")
	String open(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.open(id));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.close(id));
	}

	@PostMapping("/{id}/held/{letter}/release")
	String release(@PathVariable long id, @PathVariable long letter, RedirectAttributes redirect) {
		return act(id, redirect, () -> review.release(id, letter));
	}

	@PostMapping("/{id}/held/{letter}/reject")
	String reject(@PathVariable long id, @PathVariable long letter, RedirectAttributes redirect) {
		return act(id, redirect, () -> review.reject(id, letter));
	}

	@GetMapping("/{id}/record/new")
	String newEntry(@PathVariable long id, Model model) {
		model.addAttribute("form", RecordEntryForm.empty());
		return entryPage(administration.get(id), null, model);
	}

	@PostMapping("/{id}/record")
	String addEntry(@PathVariable long id, @Valid @ModelAttribute("form") RecordEntryForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		LetterCampaign campaign = administration.get(id);
		if (errors.hasErrors()) {
			return entryPage(campaign, null, model);
		}
		return act(id, redirect, () -> record.add(form.toEntry(null, id)));
	}

	@GetMapping("/{id}/record/{entry}/edit")
	String editEntry(@PathVariable long id, @PathVariable long entry, Model model) {
		model.addAttribute("form", RecordEntryForm
			.of(record.find(id, entry).orElseThrow(() -> new NotFoundException("No record entry " + entry))));
		return entryPage(administration.get(id), entry, model);
	}

	@PostMapping("/{id}/record/{entry}")
	String changeEntry(@PathVariable long id, @PathVariable long entry,
			@Valid @ModelAttribute("form") RecordEntryForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		LetterCampaign campaign = administration.get(id);
		if (errors.hasErrors()) {
			return entryPage(campaign, entry, model);
		}
		return act(id, redirect, () -> record.change(form.toEntry(entry, id)));
	}

	/** Only bodies, petitions, alerts and incidents that exist may be ticked. */
	private void checkChoices(CampaignForm form, BindingResult errors) {
		Set<String> bodies = directory.bodies().stream().map(Body::code).collect(Collectors.toSet());
		if (!bodies.containsAll(form.bodies())) {
			errors.rejectValue("bodies", "validation.oneOf");
		}
		if (form.petitionIds().stream().anyMatch(id -> petitions.find(id).isEmpty())) {
			errors.rejectValue("petitionIds", "validation.oneOf");
		}
		if (form.alertIds().stream().anyMatch(id -> alerts.find(id).isEmpty())) {
			errors.rejectValue("alertIds", "validation.oneOf");
		}
		if (form.incidentIds().stream().anyMatch(id -> incidents.find(id).isEmpty())) {
			errors.rejectValue("incidentIds", "validation.oneOf");
		}
	}

	private String formPage(Long id, Model model) {
		model.addAttribute("id", id);
		List<Body> bodies = directory.bodies();
		model.addAttribute("bodyCodes", bodies.stream().map(Body::code).toList());
		model.addAttribute("bodyNames", bodies.stream().map(Body::name).toList());
		var allPetitions = petitions.all();
		model.addAttribute("petitionValues", allPetitions.stream().map(PetitionDirectory.PetitionSummary::id).toList());
		model.addAttribute("petitionLabels",
				allPetitions.stream().map(PetitionDirectory.PetitionSummary::title).toList());
		var allAlerts = alerts.all();
		model.addAttribute("alertValues", allAlerts.stream().map(AlertDirectory.AlertSummary::id).toList());
		model.addAttribute("alertLabels", allAlerts.stream().map(a -> a.date() + " · " + a.title()).toList());
		var allIncidents = incidents.all();
		model.addAttribute("incidentValues", allIncidents.stream().map(IncidentDirectory.IncidentSummary::id).toList());
		model.addAttribute("incidentLabels", allIncidents.stream().map(i -> i.firstDay() + " · " + i.title()).toList());
		return "admin/letters/form";
	}

	private String entryPage(LetterCampaign campaign, Long entry, Model model) {
		model.addAttribute("campaignId", campaign.id());
		model.addAttribute("campaignTitle", campaign.content().title());
		model.addAttribute("entryId", entry);
		model.addAttribute("kinds", List.of(RecordKind.values()).stream().map(Enum::name).toList());
		return "admin/letters/record-form";
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		return StaffAction.thenRedirect(action, redirect, "/admin/letters/" + id);
	}

}
