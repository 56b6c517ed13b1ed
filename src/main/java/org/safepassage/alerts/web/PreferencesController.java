package org.safepassage.alerts.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.safepassage.alerts.subscribers.FreshPreferenceLinks;
import org.safepassage.alerts.subscribers.LinkSigner;
import org.safepassage.alerts.subscribers.Subscriptions;
import org.safepassage.petitions.PetitionDirectory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A subscriber's settings and leaving, through the signed links in every mail. The
 * settings page shows the address, so its link expires; an expired link leads to a page
 * that shows nothing about the subscriber and offers a fresh link by email, or leaving.
 * Only a subscribed address is shown: once someone has left (or their mail bounces), the
 * page says so and nothing more. The unsubscribe URL is also the List-Unsubscribe URL: a
 * POST to it, with or without a body, unsubscribes at once (RFC 8058), and it is the only
 * POST exempt from CSRF tokens.
 */
@Controller
class PreferencesController {

	private final Subscriptions subscriptions;

	private final AlertLinks links;

	private final FreshPreferenceLinks freshLinks;

	private final AlertsProperties properties;

	private final PetitionDirectory petitions;

	PreferencesController(Subscriptions subscriptions, AlertLinks links, FreshPreferenceLinks freshLinks,
			AlertsProperties properties, PetitionDirectory petitions) {
		this.subscriptions = subscriptions;
		this.links = links;
		this.freshLinks = freshLinks;
		this.properties = properties;
		this.petitions = petitions;
	}

	/** The CSRF parameter starts with '_'; an unticked topic box sends nothing. */
	@InitBinder({ "form" })
	void noFieldMarkers(WebDataBinder binder) {
		binder.setFieldMarkerPrefix(null);
		binder.setFieldDefaultPrefix(null);
	}

	@GetMapping("/alerts/preferences/{id}/{link}")
	String preferences(@PathVariable long id, @PathVariable String link, Model model, HttpServletResponse response) {
		LinkSigner.Check check = links.checkPreferences(id, link);
		if (check != LinkSigner.Check.VALID) {
			return notValid(check, id, link, model, response);
		}
		Subscriptions.Subscriber subscriber = subscriptions.find(id).orElse(null);
		if (subscriber == null) {
			return unknownLink(model, response);
		}
		model.addAttribute("form", new PreferencesForm(subscriber.name(), subscriber.language(), subscriber.topics(),
				subscriber.campaigns()));
		return preferencesPage(subscriber, link, model);
	}

	@PostMapping("/alerts/preferences/{id}/{link}")
	String savePreferences(@PathVariable long id, @PathVariable String link,
			@Valid @ModelAttribute("form") PreferencesForm form, BindingResult errors, Model model,
			HttpServletResponse response) {
		LinkSigner.Check check = links.checkPreferences(id, link);
		if (check != LinkSigner.Check.VALID) {
			return notValid(check, id, link, model, response);
		}
		Subscriptions.Subscriber subscriber = subscriptions.find(id).orElse(null);
		if (subscriber == null) {
			return unknownLink(model, response);
		}
		if (!errors.hasFieldErrors("language") && !properties.languages().contains(form.language())) {
			errors.rejectValue("language", "alerts.language.invalid");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return preferencesPage(subscriber, link, model);
		}
		boolean saved = subscriptions.updatePreferences(id, form.nameOrNull(), form.language(), form.topicList(),
				form.campaignList());
		return "redirect:" + links.preferencesPath(id) + (saved ? "?saved" : "");
	}

	/**
	 * Answers the same whether or not a mail went, so the page tells nothing about the
	 * subscriber.
	 */
	@PostMapping("/alerts/preferences/{id}/{link}/new-link")
	String newLink(@PathVariable long id, @PathVariable String link, Model model, HttpServletResponse response) {
		if (links.checkPreferences(id, link) == LinkSigner.Check.INVALID) {
			return unknownLink(model, response);
		}
		freshLinks.send(id);
		model.addAttribute("sent", true);
		model.addAttribute("lifetimeDays", properties.preferenceLinks().lifetimeDays());
		return "alerts/link-expired";
	}

	private String notValid(LinkSigner.Check check, long id, String link, Model model, HttpServletResponse response) {
		return check == LinkSigner.Check.EXPIRED ? expiredLink(id, link, model, response)
				: unknownLink(model, response);
	}

	private String expiredLink(long id, String link, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_GONE);
		model.addAttribute("sent", false);
		model.addAttribute("lifetimeDays", properties.preferenceLinks().lifetimeDays());
		model.addAttribute("newLinkAction", "/alerts/preferences/" + id + "/" + link + "/new-link");
		model.addAttribute("unsubscribePath", links.unsubscribePath(id));
		return "alerts/link-expired";
	}

	private String preferencesPage(Subscriptions.Subscriber subscriber, String link, Model model) {
		model.addAttribute("state", subscriber.state().name());
		if (subscriber.state() != Subscriptions.SubscriberState.CONFIRMED) {
			return "alerts/preferences";
		}
		model.addAttribute("email", subscriber.email());
		model.addAttribute("action", "/alerts/preferences/" + subscriber.id() + "/" + link);
		model.addAttribute("unsubscribePath", links.unsubscribePath(subscriber.id()));
		model.addAttribute("languages", properties.languages());
		model.addAttribute("kinds", AlertKind.values());
		List<PetitionDirectory.PetitionSummary> campaigns = subscriber.campaigns()
			.stream()
			.flatMap(p -> petitions.find(p, LocaleContextHolder.getLocale()).stream())
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
		Subscriptions.Subscriber subscriber = unsubscribing(id, signature).orElse(null);
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
		if (unsubscribing(id, signature).isEmpty()) {
			return unknownLink(model, response);
		}
		subscriptions.unsubscribe(id);
		model.addAttribute("left", true);
		model.addAttribute("justLeft", true);
		return "alerts/unsubscribe";
	}

	private Optional<Subscriptions.Subscriber> unsubscribing(long id, String signature) {
		if (!links.verifyUnsubscribe(id, signature)) {
			return Optional.empty();
		}
		return subscriptions.find(id);
	}

	private String unknownLink(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", "UNKNOWN");
		return "alerts/confirm";
	}

}
