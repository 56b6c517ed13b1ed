package org.safepassage.cases.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseState;
import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.cases.store.CaseFiles;
import org.safepassage.cases.store.CaseRepository;
import org.safepassage.shared.StaffAction;
import org.safepassage.shared.validation.EnumNames;
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
 * Caseworkers and admins record cases, revise their public part and take them through
 * review: one asks, another approves; anyone of them withdraws at once.
 */
@Controller
@RequestMapping("/admin/cases")
class CaseAdminController {

	private final CaseRepository cases;

	private final CaseFiles files;

	private final CaseViews views;

	private final CasePage page;

	private final CasesProperties properties;

	private final CaseReading reading;

	CaseAdminController(CaseRepository cases, CaseFiles files, CaseViews views, CasePage page,
			CasesProperties properties, CaseReading reading) {
		this.cases = cases;
		this.files = files;
		this.views = views;
		this.page = page;
		this.properties = properties;
		this.reading = reading;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int pageNumber = Math.max(0, Math.min(page, 10_000));
		String query = (q == null) ? null : q.strip();
		if (query != null && query.length() > 100) {
			query = query.substring(0, 100);
		}
		CaseState chosen = EnumNames.find(CaseState.class, state).orElse(null);
		int size = this.properties.pageSize();
		var found = this.cases.staffList(query, chosen, size + 1, pageNumber * size);
		model.addAttribute("cases", found.stream().limit(size).toList());
		model.addAttribute("q", query);
		model.addAttribute("state", chosen == null ? "" : chosen.name());
		model.addAttribute("states", CaseState.values());
		model.addAttribute("previousPage", pageNumber > 0 ? pageNumber - 1 : null);
		model.addAttribute("nextPage", found.size() > size ? pageNumber + 1 : null);
		return "admin/cases/list";
	}

	@GetMapping("/new")
	String newCase(Model model) {
		model.addAttribute("form", CaseForm.empty());
		model.addAttribute("protectedForm", ProtectedForm.empty());
		return formPage(null, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") CaseForm form, BindingResult errors,
			@Valid @ModelAttribute("protectedForm") ProtectedForm protectedForm, BindingResult protectedErrors,
			Model model, Principal principal, HttpServletResponse response) {
		this.views.check(form, errors);
		checkLanguages(form, errors);
		if (errors.hasErrors() || protectedErrors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			// Typed protected values are never written back into a page.
			model.addAttribute("protectedRetype", true);
			return formPage(null, model);
		}
		long id = this.files.create(form.toContent(), protectedForm.changes(), principal.getName());
		return "redirect:/admin/cases/" + id;
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model, HttpServletResponse response) {
		return this.page.show(this.files.find(id), model, response);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Case file = this.files.find(id);
		model.addAttribute("form", CaseForm.of(file.content()));
		return formPage(id, model);
	}

	@PostMapping("/{id}")
	String revise(@PathVariable long id, @Valid @ModelAttribute("form") CaseForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		this.files.find(id);
		this.views.check(form, errors);
		checkLanguages(form, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return formPage(id, model);
		}
		return act(id, redirect, () -> this.files.revise(id, form.toContent()));
	}

	@PostMapping("/{id}/request-publication")
	String requestPublication(@PathVariable long id, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.files.requestPublication(id, principal.getName(), request.getRemoteAddr()));
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable long id, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.files.approve(id, principal.getName(), request.getRemoteAddr()));
	}

	@PostMapping("/{id}/send-back")
	String sendBack(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.files.sendBack(id));
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable long id, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.files.withdraw(id, principal.getName(), request.getRemoteAddr()));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, Principal principal,
			HttpServletRequest request, RedirectAttributes redirect) {
		Case file = this.files.find(id);
		if (!file.number().equals(confirm.strip())) {
			redirect.addFlashAttribute("ruleError", "cases.delete.confirm");
			return "redirect:/admin/cases/" + id;
		}
		this.files.delete(id, principal.getName(), request.getRemoteAddr());
		redirect.addFlashAttribute("deleted", file.number());
		return "redirect:/admin/cases";
	}

	/** A translation is only into a language content is translated into. */
	private void checkLanguages(CaseForm form, BindingResult errors) {
		if (!this.reading.translationLanguages().containsAll(form.storyTranslations().keySet())) {
			errors.rejectValue("storyTranslations", "cases.translations.unknownLanguage");
		}
	}

	private String formPage(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("translationLanguages", this.reading.translationLanguages());
		this.views.options(model);
		return "admin/cases/form";
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		return StaffAction.thenRedirect(action, redirect, "/admin/cases/" + id);
	}

}
