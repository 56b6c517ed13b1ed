package org.safepassage.cases.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.cases.store.CaseFiles;
import org.safepassage.cases.store.CaseRetentions;
import org.safepassage.shared.StaffAction;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review of case files due under the retention rule: caseworkers and admins keep one
 * for another period (with a reason) or erase its protected part (with a reason and the
 * case number typed again). Both are in the audit.
 */
@Controller
@RequestMapping("/admin/cases")
class CaseRetentionController {

	private final CaseRetentions retentions;

	private final CaseFiles files;

	private final CasesProperties properties;

	private final MessageSource messages;

	private final CasePage casePage;

	CaseRetentionController(CaseRetentions retentions, CaseFiles files, CasesProperties properties,
			MessageSource messages, CasePage casePage) {
		this.casePage = casePage;
		this.retentions = retentions;
		this.files = files;
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping("/review")
	String review(Model model, HttpServletResponse response) {
		return page(model, response, null, null, null, null);
	}

	@PostMapping("/{id}/retention/keep")
	String keep(@PathVariable long id, @Valid @ModelAttribute("keepForm") ReasonOnlyForm form, BindingResult errors,
			Model model, Principal principal, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.files.find(id);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, response, "keep", id, errors, form.reason());
		}
		return StaffAction.thenRedirect(
				() -> this.retentions.keep(id, form.reason().strip(), principal.getName(), request.getRemoteAddr()),
				redirect, "/admin/cases/review");
	}

	@PostMapping("/{id}/retention/erase")
	String erase(@PathVariable long id, @Valid @ModelAttribute("eraseForm") EraseForm form, BindingResult errors,
			Model model, Principal principal, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Case file = this.files.find(id);
		if (!errors.hasFieldErrors("confirm") && !file.number().equals(form.confirm().strip())) {
			errors.rejectValue("confirm", "cases.retention.confirm");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			if (this.retentions.due(file).isPresent()) {
				return page(model, response, "erase", id, errors, form.reason());
			}
			// Erased from the case's own page: shown there again, the reason kept.
			model.addAttribute("eraseReason", form.reason());
			model.addAttribute("eraseReasonError", message(errors, "reason"));
			model.addAttribute("eraseConfirmError", message(errors, "confirm"));
			return this.casePage.show(file, model, response);
		}
		return StaffAction.thenRedirect(
				() -> this.retentions.erase(id, form.reason().strip(), principal.getName(), request.getRemoteAddr()),
				redirect, "/admin/cases/" + id);
	}

	/**
	 * The list; after a rejected form, that case's row shows the errors and keeps the
	 * reason typed.
	 */
	private String page(Model model, HttpServletResponse response, String failedAction, Long failedId,
			BindingResult errors, String reason) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("due", this.retentions.due(this.properties.pageSize()));
		model.addAttribute("retention", this.properties.retention());
		model.addAttribute("failedId", failedId);
		model.addAttribute("failedAction", failedAction);
		model.addAttribute("failedReason", reason);
		model.addAttribute("reasonError", errors == null ? null : message(errors, "reason"));
		model.addAttribute("confirmError", errors == null ? null : message(errors, "confirm"));
		return "admin/cases/review";
	}

	private String message(BindingResult errors, String field) {
		FieldError error = errors.getFieldError(field);
		return error == null ? null : this.messages.getMessage(error, LocaleContextHolder.getLocale());
	}

}
