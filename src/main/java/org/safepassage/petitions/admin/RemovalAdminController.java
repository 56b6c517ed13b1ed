package org.safepassage.petitions.admin;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.petitions.removal.SignatureRemoval;
import org.safepassage.shared.validation.FormValues;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * Staff remove a signature when its signer asks by other means than the mailed link. The
 * address is looked up by POST, so it stays out of addresses, logs and the audit log,
 * which names the signature by id.
 */
@Controller
@RequestMapping("/admin/signatures")
@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
class RemovalAdminController {

	private final SignatureRemoval removal;

	RemovalAdminController(SignatureRemoval removal) {
		this.removal = removal;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("form", RemovalForm.empty());
		return "admin/signatures/removal";
	}

	@PostMapping("/lookup")
	String lookup(@Valid @ModelAttribute("form") RemovalForm form, BindingResult errors, Model model,
			HttpServletResponse response) {
		if (errors.hasFieldErrors("email")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "admin/signatures/removal";
		}
		model.addAttribute("matches", removal.findByEmail(form.email()));
		return "admin/signatures/removal";
	}

	@PostMapping("/{signatureId}/remove")
	String remove(@PathVariable long signatureId, @Valid @ModelAttribute("form") RemovalForm form, BindingResult errors,
			Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		String reason = FormValues.text(form.reason());
		if (reason == null) {
			errors.rejectValue("reason", "removal.reason.required");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("matches",
					errors.hasFieldErrors("email") ? List.of() : removal.findByEmail(form.email()));
			return "admin/signatures/removal";
		}
		boolean removed = removal.removeByStaff(signatureId, reason, principal.getName());
		redirect.addFlashAttribute(removed ? "done" : "gone", true);
		return "redirect:/admin/signatures";
	}

}
