package org.safepassage.system.security;

import java.security.Principal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class AccountController {

	static final String PASSWORD_PATH = "/admin/account/password";

	private final StaffAccounts accounts;

	AccountController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	record PasswordForm(@NotBlank @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH,
			message = "{password.length}") String password, @NotBlank String confirmation) {
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping(PASSWORD_PATH)
	String passwordForm(Model model) {
		model.addAttribute("form", new PasswordForm("", ""));
		return "admin/password";
	}

	@PostMapping(PASSWORD_PATH)
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors, Principal principal,
			HttpServletRequest request) throws ServletException {
		if (!errors.hasFieldErrors("confirmation") && !form.password().equals(form.confirmation())) {
			errors.rejectValue("confirmation", "password.mismatch");
		}
		if (errors.hasErrors()) {
			return "admin/password";
		}
		accounts.changePassword(principal.getName(), form.password());
		request.logout();
		return "redirect:/login?passwordChanged";
	}

}
