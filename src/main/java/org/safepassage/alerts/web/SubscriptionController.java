package org.safepassage.alerts.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.safepassage.alerts.subscribers.LinkSigner;
import org.safepassage.alerts.subscribers.Subscriptions;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.shared.Tokens;
import org.safepassage.system.PublicFormOrigin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subscribing, confirming (the link's GET shows a button, only the POST confirms),
 * preferences and leaving through signed links. The unsubscribe URL is also the
 * List-Unsubscribe URL: a POST to it, with or without a body, unsubscribes at once (RFC
 * 8058). Like every public form here, none needs a CSRF cookie: the links carry their own
 * proof, and subscribing checks where the form was sent from ({@link PublicFormOrigin}).
 */
@Controller
class SubscriptionController {

	private final Subscriptions subscriptions;

	private final AlertLinks links;

	private final AlertsProperties properties;

	private final PetitionDirectory petitions;

	private final PublicFormOrigin origin;

	SubscriptionController(Subscriptions subscriptions, AlertLinks links, AlertsProperties properties,
			PetitionDirectory petitions, PublicFormOrigin origin) {
		this.subscriptions = subscriptions;
		this.links = links;
		this.properties = properties;
		this.petitions = petitions;
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

	@GetMapping("/alerts/preferences/{id}/{signature}")
	String preferences(@PathVariable long id, @PathVariable String signature, Model model,
			HttpServletResponse response) {
		Subscriptions.Subscriber subscriber = signed(LinkSigner.Purpose.PREFERENCES, id, signature).orElse(null);
		if (subscriber == null) {
			return unknownLink(model, response);
		}
		model.addAttribute("form", new PreferencesForm(subscriber.name(), subscriber.language(), subscriber.topics(),
				subscriber.campaigns()));
		return preferencesPage(subscriber, signature, model);
	}

	@PostMapping("/alerts/preferences/{id}/{signature}")
	String savePreferences(@PathVariable long id, @PathVariable String signature,
			@Valid @ModelAttribute("form") PreferencesForm form, BindingResult errors, Model model,
			HttpServletResponse response) {
		Subscriptions.Subscriber subscriber = signed(LinkSigner.Purpose.PREFERENCES, id, signature).orElse(null);
		if (subscriber == null) {
			return unknownLink(model, response);
		}
		if (!errors.hasFieldErrors("language") && !properties.languages().contains(form.language())) {
			errors.rejectValue("language", "alerts.language.invalid");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return preferencesPage(subscriber, signature, model);
		}
		boolean saved = subscriptions.updatePreferences(id, form.nameOrNull(), form.language(), form.topicList(),
				form.campaignList());
		return "redirect:" + links.preferencesPath(id) + (saved ? "?saved" : "");
	}

	private String preferencesPage(Subscriptions.Subscriber subscriber, String signature, Model model) {
		model.addAttribute("subscriber", subscriber);
		model.addAttribute("action", "/alerts/preferences/" + subscriber.id() + "/" + signature);
		model.addAttribute("unsubscribePath", links.unsubscribePath(subscriber.id()));
		model.addAttribute("languages", properties.languages());
		model.addAttribute("kinds", AlertKind.values());
		List<PetitionDirectory.PetitionSummary> campaigns = subscriber.campaigns()
			.stream()
			.flatMap(p -> petitions.find(p).stream())
			.toList();
		model.addAttribute("campaignOptions", campaigns);
		return "alerts/preferences";
	}

	/**
	 * The visible link's page: one button. A GET never unsubscribes (mail scanners follow
	 * links).
	 */
	@GetMapping("/alerts/unsubscribe/{id}/{signature}")
	String unsubscribePage(@PathVariable long id, @PathVariable String signature, Model model,
			HttpServletResponse response) {
		Subscriptions.Subscriber subscriber = signed(LinkSigner.Purpose.UNSUBSCRIBE, id, signature).orElse(null);
		if (subscriber == null) {
			return unknownLink(model, response);
		}
		model.addAttribute("action", links.unsubscribePath(id));
		model.addAttribute("left", subscriber.state() == Subscriptions.SubscriberState.UNSUBSCRIBED);
		return "alerts/unsubscribe";
	}

	/**
	 * RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" here without a
	 * CSRF token.
	 */
	@PostMapping("/alerts/unsubscribe/{id}/{signature}")
	String unsubscribe(@PathVariable long id, @PathVariable String signature, Model model,
			HttpServletResponse response) {
		if (signed(LinkSigner.Purpose.UNSUBSCRIBE, id, signature).isEmpty()) {
			return unknownLink(model, response);
		}
		subscriptions.unsubscribe(id);
		model.addAttribute("left", true);
		model.addAttribute("justLeft", true);
		return "alerts/unsubscribe";
	}

	private Optional<Subscriptions.Subscriber> signed(LinkSigner.Purpose purpose, long id, String signature) {
		if (!links.verify(purpose, id, signature)) {
			return Optional.empty();
		}
		return subscriptions.find(id);
	}

	private String unknownLink(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", "UNKNOWN");
		return "alerts/confirm";
	}

	/** Only a well-formed token is echoed back into the page's form. */
	private static final class Tokens32 {

		static String orNull(String token) {
			return Tokens.looksValid(token) ? token : null;
		}

	}

}
