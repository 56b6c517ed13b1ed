package org.safepassage.petitions.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.petitions.removal.SignatureRemoval;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Remove my signature", from the link in every mail a signer gets from us. Opening the
 * link only asks (mail scanners open links); the button removes.
 */
@Controller
class SignatureRemovalController {

	private final SignatureRemoval removal;

	private final PetitionCatalogue catalogue;

	SignatureRemovalController(SignatureRemoval removal, PetitionCatalogue catalogue) {
		this.removal = removal;
		this.catalogue = catalogue;
	}

	@GetMapping("/signatures/remove")
	String ask(@RequestParam(required = false) String token, Locale locale, Model model, HttpServletResponse response) {
		return page(removal.inspect(token), token, locale, model, response);
	}

	@PostMapping("/signatures/remove")
	String remove(@RequestParam(required = false) String token, Locale locale, Model model,
			HttpServletResponse response) {
		return page(removal.removeBySigner(token), token, locale, model, response);
	}

	private String page(SignatureRemoval.Link link, String token, Locale locale, Model model,
			HttpServletResponse response) {
		model.addAttribute("status", link.status().name());
		model.addAttribute("token", token);
		if (link.petitionId() != null) {
			catalogue.publicPetition(link.petitionId(), locale).ifPresent(p -> model.addAttribute("petition", p));
		}
		if (link.status() == SignatureRemoval.Status.UNKNOWN) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		return "petitions/remove";
	}

}
