package org.safepassage.system.security;

import java.security.Principal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.CrossField;
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

	private final SignInThrottle throttle;

	AccountController(StaffAccounts accounts, SignInThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	/**
	 * The current password too: a session left open on a shared computer must not be
	 * enough to take the account over.
	 */
	@CrossField
	record PasswordForm(
			@NotBlank @Size(max = PasswordRules.MAX_LENGTH,
					message = "{security.password.wrongCurrent}") String currentPassword,
			@NotBlank @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_LENGTH,
					message = "{security.password.length}") String password,
			@NotBlank String confirmation) implements CrossField.Checked {

		@Override
		public void check(CrossField.Errors errors) {
			if (password != null && confirmation != null && !confirmation.isBlank() && !password.equals(confirmation)) {
				errors.reject("confirmation", "password.mismatch");
			}
		}

	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping(PASSWORD_PATH)
	String passwordForm(Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		return "admin/password";
	}

	/**
	 * A wrong current password counts as a failed sign-in, so a stolen session cannot
	 * guess it any faster than the sign-in page allows.
	 */
	@PostMapping(PASSWORD_PATH)
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors, Principal principal,
			HttpServletRequest request) throws ServletException {
		if (!errors.hasFieldErrors("currentPassword")) {
			String address = request.getRemoteAddr();
			if (throttle.lockedUntil(principal.getName(), address).isPresent()) {
				errors.rejectValue("currentPassword", "security.login.throttled");
			}
			else if (!accounts.find(principal.getName())
				.filter(account -> accounts.passwordMatches(account, form.currentPassword()))
				.isPresent()) {
				throttle.failed(principal.getName(), address);
				errors.rejectValue("currentPassword", "security.password.wrongCurrent");
			}
		}
		if (errors.hasErrors()) {
			return "admin/password";
		}
		accounts.changePassword(principal.getName(), form.password());
		request.logout();
		return "redirect:/login?passwordChanged";
	}

}
