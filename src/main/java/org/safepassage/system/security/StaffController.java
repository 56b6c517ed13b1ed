package org.safepassage.system.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.PlainText;
import org.springframework.security.crypto.keygen.KeyGenerators;
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
 * Admins add staff; each new account gets a one-time password to change at first sign-in.
 */
@Controller
@RequestMapping("/admin/staff")
class StaffController {

	private final StaffAccounts accounts;

	StaffController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	record NewStaffForm(@NotBlank @Email @Size(max = 254) @PlainText String email,
			@NotBlank @Size(max = 100) @PlainText String name, @NotEmpty List<Role> roles) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", accounts.all());
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewStaffForm("", "", List.of(Role.CAMPAIGNER)));
		}
		return "admin/staff/list";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") NewStaffForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return list(model);
		}
		String password = KeyGenerators.string().generateKey() + KeyGenerators.string().generateKey();
		if (!accounts.create(form.email(), form.name(), password, form.roles(), true)) {
			errors.rejectValue("email", "staff.exists");
			return list(model);
		}
		redirect.addFlashAttribute("created", form.email());
		redirect.addFlashAttribute("oneTimePassword", password);
		return "redirect:/admin/staff";
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, boolean enabled) {
		accounts.setEnabled(id, enabled);
		return "redirect:/admin/staff";
	}

}
