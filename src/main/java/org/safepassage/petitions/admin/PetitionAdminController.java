package org.safepassage.petitions.admin;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.milestones.MilestoneForm;
import org.safepassage.petitions.milestones.Milestones;
import org.safepassage.petitions.retention.SignatureRetention;
import org.safepassage.petitions.web.PetitionCatalogue;
import org.safepassage.shared.StaffAction;
import org.safepassage.shared.validation.PlainText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages. Campaigners write, submit and close (and deliver, on
 * {@link DeliveryAdminController}); moderators and admins also open, reject and hide.
 * Whether a step is allowed in the petition's current state is the petition's own
 * decision.
 */
@Controller
@RequestMapping("/admin")
class PetitionAdminController {

	private final PetitionAdministration administration;

	private final PetitionCatalogue catalogue;

	private final PetitionsProperties properties;

	private final Milestones milestones;

	private final SignatureRetention retention;

	PetitionAdminController(PetitionAdministration administration, PetitionCatalogue catalogue,
			PetitionsProperties properties, Milestones milestones, SignatureRetention retention) {
		this.administration = administration;
		this.catalogue = catalogue;
		this.properties = properties;
		this.milestones = milestones;
		this.retention = retention;
	}

	@GetMapping
	String dashboard(Model model) {
		model.addAttribute("result", catalogue.list(List.of(PetitionState.values()), 0));
		return "admin/dashboard";
	}

	@GetMapping("/petitions/new")
	String newPetition(Model model) {
		model.addAttribute("form", PetitionForm.empty());
		return "admin/petitions/form";
	}

	@PostMapping("/petitions")
	String create(@Valid @ModelAttribute("form") PetitionForm form, BindingResult errors, Principal principal) {
		if (errors.hasErrors()) {
			return "admin/petitions/form";
		}
		long id = administration.create(form.toContent(properties.zone()), principal.getName());
		return "redirect:/admin/petitions/" + id;
	}

	@GetMapping("/petitions/{id}")
	String show(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("milestoneForm", MilestoneForm.empty());
		return showPage(id, locale, model);
	}

	private String showPage(long id, Locale locale, Model model) {
		Petition petition = administration.get(id);
		model.addAttribute("milestones", milestones.list(id));
		model.addAttribute("erasure",
				retention.erasure(id, petition.closedAt(), petition.deliveredAt(), petition.hiddenAt()));
		model.addAttribute("state", petition.state().name());
		model.addAttribute("rejectionReason", petition.rejectionReason());
		model.addAttribute("hiddenReason", petition.hiddenReason());
		model.addAttribute("view", catalogue.anyPetition(id, locale).orElseThrow());
		return "admin/petitions/show";
	}

	@GetMapping("/petitions/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Petition petition = administration.get(id);
		model.addAttribute("id", id);
		model.addAttribute("form", PetitionForm.of(petition.content(), properties.zone()));
		return "admin/petitions/form";
	}

	@PostMapping("/petitions/{id}")
	String revise(@PathVariable long id, @Valid @ModelAttribute("form") PetitionForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("id", id);
			return "admin/petitions/form";
		}
		return act(id, redirect, () -> administration.revise(id, form.toContent(properties.zone())));
	}

	@PostMapping("/petitions/{id}/submit")
	String submit(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.submit(id));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
	@PostMapping("/petitions/{id}/open")
	String open(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.open(id));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
	@PostMapping("/petitions/{id}/reject")
	String reject(@PathVariable long id, @RequestParam @Size(max = 2000) @PlainText(multiline = true) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.reject(id, reason.strip()));
	}

	@PostMapping("/petitions/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.close(id));
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
	@PostMapping("/petitions/{id}/hide")
	String hide(@PathVariable long id, @RequestParam @Size(max = 2000) @PlainText(multiline = true) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.hide(id, reason.strip()));
	}

	/**
	 * Audited like every staff change (the route and the petition's id); a bad count
	 * comes back on the page with its message and the values kept.
	 */
	@PostMapping("/petitions/{id}/milestones")
	String addMilestone(@PathVariable long id, @Valid @ModelAttribute("milestoneForm") MilestoneForm form,
			BindingResult errors, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return showPage(id, locale, model);
		}
		return act(id, redirect, () -> milestones.add(id, form));
	}

	@PostMapping("/petitions/{id}/milestones/{milestoneId}/delete")
	String removeMilestone(@PathVariable long id, @PathVariable long milestoneId, RedirectAttributes redirect) {
		return act(id, redirect, () -> milestones.remove(id, milestoneId));
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		return StaffAction.thenRedirect(action, redirect, "/admin/petitions/" + id);
	}

}
