package org.safepassage.system.security;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.StaffAction;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.system.security.secondfactor.SecondFactorPolicy;
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
 * Admins add staff, change their roles, reset their passwords, disable them and lift
 * their sign-in limits. A new account or a reset password is a one-time password, shown
 * once and changed at the next sign-in.
 */
@Controller
@RequestMapping("/admin/staff")
class StaffController {

	private final StaffAccounts accounts;

	private final SecondFactorPolicy secondFactor;

	StaffController(StaffAccounts accounts, SecondFactorPolicy secondFactor) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
	}

	record NewStaffForm(@NotBlank @Email @Size(max = 254) @PlainText String email,
			@NotBlank @Size(max = 100) @PlainText String name, @NotEmpty List<Role> roles) {
	}

	@GetMapping
	String list(Model model) {
		List<StaffAccount> all = accounts.all();
		Set<Long> limited = all.stream()
			.filter(accounts::signInLimited)
			.map(StaffAccount::id)
			.collect(Collectors.toSet());
		model.addAttribute("accounts", all);
		model.addAttribute("limited", limited);
		model.addAttribute("roles", Role.values());
		model.addAttribute("secondFactorRequired", secondFactor.required());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewStaffForm("", "", List.of(Role.CAMPAIGNER)));
		}
		return "admin/staff/list";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") NewStaffForm form, BindingResult errors, Model model, Principal admin,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return list(model);
		}
		String password = PasswordRules.oneTimePassword();
		if (!accounts.create(form.email(), form.name(), password, form.roles(), true, admin.getName())) {
			errors.rejectValue("email", "staff.exists");
			return list(model);
		}
		redirect.addFlashAttribute("created", form.email());
		redirect.addFlashAttribute("oneTimePassword", password);
		return "redirect:/admin/staff";
	}

	/**
	 * Whether every staff sign-in needs a passkey or an emailed code after the password.
	 */
	@PostMapping("/second-factor")
	String requireSecondFactor(boolean required, Principal admin, RedirectAttributes redirect) {
		secondFactor.setRequired(required, admin.getName());
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/staff";
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, boolean enabled, Principal admin, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> accounts.setEnabled(id, enabled, admin.getName()), redirect,
				"/admin/staff");
	}

	/** No role at all is refused: disabling is how an account stops. */
	@PostMapping("/{id}/roles")
	String setRoles(@PathVariable long id, @RequestParam(name = "roles", required = false) List<Role> roles,
			Principal admin, RedirectAttributes redirect) {
		if (roles == null || roles.isEmpty()) {
			redirect.addFlashAttribute("ruleError", "security.staff.noRoles");
			return "redirect:/admin/staff";
		}
		return StaffAction.thenRedirect(() -> accounts.setRoles(id, roles, admin.getName()), redirect, "/admin/staff");
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
		String password = accounts.resetPassword(id, admin.getName());
		redirect.addFlashAttribute("reset", accounts.get(id).email());
		redirect.addFlashAttribute("oneTimePassword", password);
		return "redirect:/admin/staff";
	}

	@PostMapping("/{id}/sign-in-limit")
	String liftSignInLimit(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> accounts.liftSignInLimit(id, admin.getName()), redirect, "/admin/staff");
	}

}
