package org.safepassage.alerts.delivery;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.domain.AlertText;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.alerts.domain.LanguageRounds;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.safepassage.alerts.subscribers.Subscriptions;
import org.safepassage.alerts.web.AlertViews;
import org.safepassage.shared.Tokens;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes alert mails. An alert is rendered once per send (HTML and text) with markers
 * where each subscriber's name and links go; each delivery only replaces the markers, so
 * 100,000 mails cost one template rendering.
 */
@Component
public class AlertMails {

	static final String CATEGORY = "alerts";

	private final MailComposer composer;

	private final AlertViews views;

	private final AlertLinks links;

	private final MessageSource messages;

	private final AlertsProperties properties;

	private final LanguageRounds rounds;

	private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

	AlertMails(MailComposer composer, AlertViews views, AlertLinks links, MessageSource messages,
			AlertsProperties properties, LanguageRounds rounds) {
		this.rounds = rounds;
		this.composer = composer;
		this.views = views;
		this.links = links;
		this.messages = messages;
		this.properties = properties;
	}

	public OutgoingMail confirmation(String email, String name, String language, String token) {
		Locale locale = Locale.forLanguageTag(language);
		Map<String, Object> model = new HashMap<>();
		model.put("name", name == null ? friend(locale) : name);
		model.put("confirmUrl", links.link("/alerts/confirm?token=" + token, locale));
		model.put("ttlDays", properties.confirmationTtl().toDays());
		return composer.compose(email, "alerts/confirm-subscription", model, locale, new Object[0], Map.of());
	}

	public OutgoingMail alreadySubscribed(Subscriptions.Subscriber subscriber, String preferencesUrl) {
		Locale locale = Locale.forLanguageTag(subscriber.language());
		Map<String, Object> model = new HashMap<>();
		model.put("name", subscriber.name() == null ? friend(locale) : subscriber.name());
		model.put("preferencesUrl", preferencesUrl);
		model.put("unsubscribeUrl", links.unsubscribeUrl(subscriber.id()));
		return composer.compose(subscriber.email(), "alerts/already-subscribed", model, locale, new Object[0],
				unsubscribeHeaders(subscriber.id()));
	}

	/** A new link to a subscriber's settings, asked for from an expired one. */
	public OutgoingMail preferencesLink(Subscriptions.Subscriber subscriber) {
		Locale locale = Locale.forLanguageTag(subscriber.language());
		Map<String, Object> model = new HashMap<>();
		model.put("name", subscriber.name() == null ? friend(locale) : subscriber.name());
		model.put("preferencesUrl", links.preferencesUrl(subscriber.id()));
		model.put("unsubscribeUrl", links.unsubscribeUrl(subscriber.id()));
		model.put("lifetimeDays", properties.preferenceLinks().lifetimeDays());
		return composer.compose(subscriber.email(), "alerts/preferences-link", model, locale, new Object[0],
				unsubscribeHeaders(subscriber.id()));
	}

	private String friend(Locale locale) {
		return messages.getMessage("mail.alerts.friend", null, locale);
	}

	/** RFC 8058 one-click unsubscribe, and RFC 2919 List-Id. */
	Map<String, String> unsubscribeHeaders(long subscriberId) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<" + links.unsubscribeUrl(subscriberId) + ">");
		headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		headers.put("List-Id", "SafePassage alerts <alerts." + links.host() + ">");
		return headers;
	}

	/**
	 * One alert rendered in one language with markers in place of the per-subscriber
	 * parts.
	 */
	record Rendered(String subject, String text, String html, String nameMarker, String preferencesMarker,
			String unsubscribeMarker, String friend, Locale locale) {
	}

	/** One subscriber's mail: subject, both parts and headers. */
	record Personal(String subject, String text, String html, Map<String, String> headers) {
	}

	/**
	 * The alert in a language, rendered once per instance; the text of a translation is
	 * read once, from the round that sent it.
	 */
	Rendered render(AlertRepository.Stored stored, String language) {
		Alert alert = stored.alert();
		String key = alert.id() + ":" + alert.version() + ":" + language;
		return rendered.computeIfAbsent(key,
				k -> renderNow(stored, rounds.text(alert.content(), alert.id(), language)));
	}

	void forget(long alertId) {
		rendered.keySet().removeIf(k -> k.startsWith(alertId + ":"));
	}

	private Rendered renderNow(AlertRepository.Stored stored, AlertText text) {
		AlertContent c = stored.alert().content();
		Locale locale = Locale.forLanguageTag(text.language());
		String nonce = Tokens.newToken().replace('-', 'x').replace('_', 'y');
		String nameMarker = "@@name-" + nonce + "@@";
		String preferencesMarker = "@@preferences-" + nonce + "@@";
		String unsubscribeMarker = "@@unsubscribe-" + nonce + "@@";
		Map<String, Object> model = new HashMap<>();
		AlertViews.AlertView view = views.mailed(stored, text);
		model.put("alert", view);
		model.put("mailLanguage", text.language());
		model.put("alertUrl", links.link(view.path(), locale));
		model.put("petitions",
				view.petitions()
					.stream()
					.map(p -> new AlertViews.Linked(p.id(), p.title(), links.link(p.path(), locale)))
					.toList());
		model.put("incidents",
				view.incidents()
					.stream()
					.map(i -> new AlertViews.Linked(i.id(), i.title(), links.link(i.path(), locale)))
					.toList());
		model.put("name", nameMarker);
		model.put("preferencesUrl", preferencesMarker);
		model.put("unsubscribeUrl", unsubscribeMarker);
		model.put("archiveUrl", links.link("/alerts?language=" + text.language(), locale));
		String kind = messages.getMessage("alerts.kind." + c.kind().name(), null, locale);
		OutgoingMail mail = composer.compose("subscriber@alerts.invalid", "alerts/alert", model, locale,
				new Object[] { kind, view.title() }, Map.of());
		return new Rendered(mail.subject(), mail.textBody(), mail.htmlBody(), nameMarker, preferencesMarker,
				unsubscribeMarker, friend(locale), locale);
	}

	String displayName(Rendered rendered, String name) {
		return name == null || name.isBlank() ? rendered.friend() : name;
	}

	Personal personalise(Rendered rendered, long subscriberId, String name) {
		String displayName = displayName(rendered, name);
		String preferences = links.preferencesUrl(subscriberId, rendered.locale());
		String unsubscribe = links.unsubscribeUrl(subscriberId, rendered.locale());
		String text = rendered.text()
			.replace(rendered.nameMarker(), displayName)
			.replace(rendered.preferencesMarker(), preferences)
			.replace(rendered.unsubscribeMarker(), unsubscribe);
		String html = rendered.html()
			.replace(rendered.nameMarker(), HtmlUtils.htmlEscape(displayName))
			.replace(rendered.preferencesMarker(), preferences)
			.replace(rendered.unsubscribeMarker(), unsubscribe);
		return new Personal(rendered.subject(), text, html, unsubscribeHeaders(subscriberId));
	}

	/** Each delivery's mail, in the language it was fixed in. */
	List<OutgoingMail> forOutbox(AlertRepository.Stored stored, List<Deliveries.Claimed> deliveries) {
		return deliveries.stream().map(d -> {
			Personal p = personalise(render(stored, d.language()), d.subscriberId(), d.name());
			return new OutgoingMail(d.email(), p.subject(), p.text(), p.html(), CATEGORY, p.headers());
		}).toList();
	}

}
