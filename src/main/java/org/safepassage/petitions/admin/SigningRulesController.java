package org.safepassage.petitions.admin;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.petitions.fraud.SigningRules;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.StaffAction;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's allow and block lists of address ranges and email domains, for every petition
 * (moderators and admins).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
class SigningRulesController {

	private final SigningRules rules;

	SigningRulesController(SigningRules rules) {
		this.rules = rules;
	}

	@GetMapping("/admin/petitions/rules")
	String list(Model model) {
		model.addAttribute("form", SigningRuleForm.empty());
		return page(model);
	}

	@PostMapping("/admin/petitions/rules")
	String add(@Valid @ModelAttribute("form") SigningRuleForm form, BindingResult errors, Model model,
			Principal principal, HttpServletResponse response, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model);
		}
		try {
			rules.add(EnumNames.parse(SigningRules.Kind.class, form.kind()),
					EnumNames.parse(SigningRules.Subject.class, form.subject()), form.value(),
					FormValues.text(form.note()), principal.getName());
		}
		catch (RuleViolation duplicate) {
			errors.rejectValue("value", duplicate.messageKey());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model);
		}
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/petitions/rules";
	}

	@PostMapping("/admin/petitions/rules/{ruleId}/delete")
	String remove(@PathVariable long ruleId, Principal principal, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> rules.remove(ruleId, principal.getName()), redirect,
				"/admin/petitions/rules");
	}

	private String page(Model model) {
		model.addAttribute("rules", rules.list());
		return "admin/petitions/rules";
	}

}
