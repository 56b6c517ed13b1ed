package org.safepassage.petitions.admin;

import java.security.Principal;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.fraud.BulkInvalidation;
import org.safepassage.petitions.fraud.SignatureWatch;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.StaffAction;
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
 * A petition's fraud page for the staff who must trust its count: where the last hour's
 * or day's signatures come from, the suspect ones, bulk invalidation (preview, then
 * action, then restore by batch) and the switch that stops it collecting. Looking and
 * pausing are for every petition's staff; invalidating and restoring for moderators and
 * admins.
 */
@Controller
@RequestMapping("/admin/petitions/{id}")
class FraudController {

	private final PetitionAdministration administration;

	private final SignatureWatch watch;

	private final BulkInvalidation invalidation;

	private final PetitionsProperties properties;

	FraudController(PetitionAdministration administration, SignatureWatch watch, BulkInvalidation invalidation,
			PetitionsProperties properties) {
		this.administration = administration;
		this.watch = watch;
		this.invalidation = invalidation;
		this.properties = properties;
	}

	@GetMapping("/fraud")
	String page(@PathVariable long id, @RequestParam(defaultValue = "hour") String window,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("form", InvalidationForm.empty());
		return fraudPage(id, window, page, model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
	@PostMapping("/fraud/highlight")
	String highlight(@PathVariable long id, @RequestParam(defaultValue = "") String share,
			RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> {
			RuleViolation.require(share.strip().matches("\\d{1,3}") && Integer.parseInt(share.strip()) >= 1
					&& Integer.parseInt(share.strip()) <= 100, "fraud.invalid.share");
			administration.get(id);
			watch.setHighlightShare(id, Integer.parseInt(share.strip()));
		}, redirect, "/admin/petitions/" + id + "/fraud");
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
	@PostMapping("/fraud/preview")
	String preview(@PathVariable long id, @Valid @ModelAttribute("form") InvalidationForm form, BindingResult errors,
			Model model, HttpServletResponse response) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return fraudPage(id, "hour", 0, model);
		}
		return previewPage(id, form, model);
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
	@PostMapping("/fraud/invalidate")
	String invalidate(@PathVariable long id, @Valid @ModelAttribute("form") InvalidationForm form, BindingResult errors,
			Model model, Principal principal, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("reason") && (form.reason() == null || form.reason().isBlank())) {
			errors.rejectValue("reason", "fraud.reasonNeeded");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return errors.hasFieldErrors("reason") && errors.getErrorCount() == 1 ? previewPage(id, form, model)
					: fraudPage(id, "hour", 0, model);
		}
		administration.get(id);
		try {
			redirect.addFlashAttribute("invalidated", invalidation.invalidate(id, form.toCriteria(properties.zone()),
					form.reason().strip(), principal.getName()));
		}
		catch (RuleViolation refused) {
			redirect.addFlashAttribute("ruleError", refused.messageKey());
		}
		return "redirect:/admin/petitions/" + id + "/fraud";
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
	@PostMapping("/fraud/batches/{batch}/restore")
	String restore(@PathVariable long id, @PathVariable long batch, Principal principal, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(
				() -> redirect.addFlashAttribute("restored", invalidation.restore(id, batch, principal.getName())),
				redirect, "/admin/petitions/" + id + "/fraud");
	}

	@PostMapping("/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> administration.pause(id), redirect, "/admin/petitions/" + id + "/fraud");
	}

	@PostMapping("/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> administration.resume(id), redirect, "/admin/petitions/" + id + "/fraud");
	}

	/** The petition as the fraud pages show it. */
	record FraudPetition(long id, String title, String state, boolean paused, Instant pausedAt) {

		static FraudPetition of(Petition petition) {
			return new FraudPetition(petition.id(), petition.content().title(), petition.state().name(),
					petition.isPaused(), petition.pausedAt());
		}

	}

	private String previewPage(long id, InvalidationForm form, Model model) {
		model.addAttribute("petition", FraudPetition.of(administration.get(id)));
		model.addAttribute("preview", invalidation.preview(id, form.toCriteria(properties.zone())));
		model.addAttribute("zone", properties.zone());
		return "admin/petitions/fraud-preview";
	}

	private String fraudPage(long id, String window, int page, Model model) {
		Petition petition = administration.get(id);
		SignatureWatch.Window w = "day".equals(window) ? SignatureWatch.Window.DAY : SignatureWatch.Window.HOUR;
		SignatureWatch.Stats stats = watch.stats(id, w);
		model.addAttribute("petition", FraudPetition.of(petition));
		model.addAttribute("stats", stats);
		model.addAttribute("suspects", watch.suspects(id, stats, Math.max(0, Math.min(page, 10_000))));
		model.addAttribute("batches", invalidation.batches(id));
		model.addAttribute("window", w.name().toLowerCase(Locale.ROOT));
		model.addAttribute("zone", properties.zone());
		return "admin/petitions/fraud";
	}

}
