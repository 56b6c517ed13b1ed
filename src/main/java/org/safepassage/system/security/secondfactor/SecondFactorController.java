package org.safepassage.system.security.secondfactor;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second-factor page after the password, the page where an emailed code is entered,
 * and the account page where staff add and remove their passkeys. Adding one runs in the
 * browser against Spring Security's WebAuthn endpoints ({@code /js/passkeys.js}).
 */
@Controller
public class SecondFactorController {

	public static final String PATH = "/login/second-factor";

	static final String ACCOUNT_PATH = "/admin/account";

	private final PublicKeyCredentialUserEntityRepository users;

	private final UserCredentialRepository passkeys;

	SecondFactorController(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository passkeys) {
		this.users = users;
		this.passkeys = passkeys;
	}

	/** A passkey of the account, as the account page lists it. */
	record Passkey(String id, String label, Instant created, Instant lastUsed) {
	}

	@GetMapping(PATH)
	String secondFactor(Authentication authentication, Model model) {
		model.addAttribute("hasPasskey", !passkeysOf(authentication.getName()).isEmpty());
		model.addAttribute("passwordGiven", OneTimeCodeMail.hasPasswordFactor(authentication));
		return "login/second-factor";
	}

	@GetMapping(OneTimeCodeMail.ENTRY_PATH)
	String enterCode(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		return "login/code";
	}

	@GetMapping(ACCOUNT_PATH)
	String account(Principal principal, Model model) {
		model.addAttribute("passkeys", passkeysOf(principal.getName()));
		return "admin/account";
	}

	/** Only a passkey of the signed-in account: another's id is not found. */
	@PostMapping(ACCOUNT_PATH + "/passkeys/{id}/remove")
	String remove(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
		passkeysOf(principal.getName()).stream()
			.filter(passkey -> passkey.id().equals(id))
			.findFirst()
			.ifPresent(passkey -> {
				passkeys.delete(Bytes.fromBase64(passkey.id()));
				redirect.addFlashAttribute("removed", passkey.label());
			});
		return "redirect:" + ACCOUNT_PATH;
	}

	private List<Passkey> passkeysOf(String email) {
		PublicKeyCredentialUserEntity user = users.findByUsername(email);
		if (user == null) {
			return List.of();
		}
		return passkeys.findByUserId(user.getId()).stream().map(SecondFactorController::passkey).toList();
	}

	private static Passkey passkey(CredentialRecord record) {
		return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
				record.getLastUsed());
	}

}
