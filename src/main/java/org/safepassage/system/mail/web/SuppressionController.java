package org.safepassage.system.mail.web;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.system.mail.Suppressions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins see the addresses no mail goes to (bounced, complained, added by staff), newest
 * first, add one (a person asked to get nothing more) and take one off (the person's
 * mailbox works again). Changes are audited like every staff request that changes
 * something.
 */
@Controller
@RequestMapping(SuppressionController.PATH)
class SuppressionController {

	static final String PATH = "/admin/mail/suppressions";

	/** The newest entries shown; a search finds older ones. */
	static final int PAGE_LIMIT = 200;

	private final Suppressions suppressions;

	SuppressionController(Suppressions suppressions) {
		this.suppressions = suppressions;
	}

	/** One entry as shown, its time in UTC. */
	record Row(String address, Suppressions.Reason reason, String source, String detail, String since) {

		private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneOffset.UTC);

		static Row of(Suppressions.Suppression entry) {
			return new Row(entry.address(), entry.reason(), entry.source(), entry.detail(),
					UTC.format(entry.createdAt()));
		}

	}

	record SearchForm(@Size(max = 254) @PlainText String q) {
	}

	record AddForm(@NotBlank @Email @Size(max = 254) @PlainText String email, @Size(max = 500) @PlainText String note) {
	}

	record LiftForm(@NotBlank @Size(max = 254) @PlainText String address) {
	}

	@GetMapping
	String list(@Valid @ModelAttribute("search") SearchForm search, BindingResult errors, Model model) {
		String q = errors.hasErrors() || search.q() == null ? "" : search.q().strip();
		model.addAttribute("entries", suppressions.page(q, PAGE_LIMIT).stream().map(Row::of).toList());
		model.addAttribute("limit", PAGE_LIMIT);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new AddForm("", ""));
		}
		return "admin/mail/suppressions";
	}

	@PostMapping
	String add(@Valid @ModelAttribute("form") AddForm form, BindingResult errors, Model model, Principal staff,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("search", new SearchForm(""));
			return list(new SearchForm(""), errors, model);
		}
		boolean added = suppressions.suppress(form.email(), Suppressions.Reason.ADDED_BY_STAFF,
				"staff:" + staff.getName(), form.note() == null || form.note().isBlank() ? null : form.note().strip());
		redirect.addFlashAttribute(added ? "added" : "already", form.email().strip());
		return "redirect:" + PATH;
	}

	@PostMapping("/lift")
	String lift(@Valid LiftForm form, BindingResult errors, RedirectAttributes redirect) {
		if (!errors.hasErrors() && suppressions.lift(form.address())) {
			redirect.addFlashAttribute("lifted", form.address().strip());
		}
		else {
			redirect.addFlashAttribute("notListed", true);
		}
		return "redirect:" + PATH;
	}

}
