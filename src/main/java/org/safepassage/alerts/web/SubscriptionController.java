package org.safepassage.alerts.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.alerts.subscribers.Subscriptions;
import org.safepassage.shared.Tokens;
import org.safepassage.system.PublicFormOrigin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subscribing and confirming (the link's GET shows a button, only the POST confirms).
 * Settings and leaving are in {@link PreferencesController}. Like every public form here,
 * none needs a CSRF cookie: confirming carries the mailed token, and subscribing checks
 * where the form was sent from ({@link PublicFormOrigin}).
 */
@Controller
class SubscriptionController {

	private final Subscriptions subscriptions;

	private final AlertsProperties properties;

	private final PublicFormOrigin origin;

	SubscriptionController(Subscriptions subscriptions, AlertsProperties properties, PublicFormOrigin origin) {
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.origin = origin;
	}

	/** The CSRF parameter starts with '_'; an unticked topic box sends nothing. */
	@InitBinder({ "form" })
	void noFieldMarkers(WebDataBinder binder) {
		binder.setFieldMarkerPrefix(null);
		binder.setFieldDefaultPrefix(null);
	}

	@GetMapping("/alerts/subscribe")
	String subscribeForm(Locale locale, Model model) {
		model.addAttribute("form", SubscribeForm.empty(properties.language(locale.toLanguageTag())));
		return subscribePage(model);
	}

	@PostMapping("/alerts/subscribe")
	String subscribe(@Valid @ModelAttribute("form") SubscribeForm form, BindingResult errors, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!errors.hasFieldErrors("language") && !properties.languages().contains(form.language())) {
			errors.rejectValue("language", "alerts.language.invalid");
		}
		boolean fromAnotherSite = origin.sentFromAnotherSite(request);
		if (errors.hasErrors() || fromAnotherSite) {
			if (fromAnotherSite) {
				model.addAttribute("formError", "form.resubmit");
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return subscribePage(model);
		}
		subscriptions.subscribe(form.email(), form.nameOrNull(), form.language(), form.topicList(),
				request.getRemoteAddr());
		return "redirect:/alerts/subscribe/check-your-email";
	}

	@GetMapping("/alerts/subscribe/check-your-email")
	String checkYourEmail() {
		return "alerts/check-email";
	}

	private String subscribePage(Model model) {
		model.addAttribute("languages", properties.languages());
		model.addAttribute("kinds", AlertKind.values());
		return "alerts/subscribe";
	}

	@GetMapping("/alerts/confirm")
	String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return linkPage(subscriptions.inspect(token), token, model, response);
	}

	@PostMapping("/alerts/confirm")
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return linkPage(subscriptions.confirm(token), token, model, response);
	}

	private String linkPage(Subscriptions.LinkStatus status, String token, Model model, HttpServletResponse response) {
		model.addAttribute("status", status.name());
		model.addAttribute("token", Tokens32.orNull(token));
		response.setStatus(switch (status) {
			case VALID, CONFIRMED, JUST_CONFIRMED -> 200;
			case EXPIRED -> 410;
			case UNKNOWN -> 404;
		});
		return "alerts/confirm";
	}

	/** Only a well-formed token is echoed back into the page's form. */
	private static final class Tokens32 {

		static String orNull(String token) {
			return Tokens.looksValid(token) ? token : null;
		}

	}

}
