package org.safepassage.alerts.web;

import java.time.Duration;
import java.util.Locale;

import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.shared.NotFoundException;
import org.safepassage.system.sharing.CardImages;
import org.safepassage.system.sharing.ShareCard;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A published alert's card image: its kind and date, its title, how many prayed. */
@Controller
class AlertCardController {

	private final AlertRepository alerts;

	private final AlertViews views;

	private final CardImages cards;

	private final MessageSource messages;

	AlertCardController(AlertRepository alerts, AlertViews views, CardImages cards, MessageSource messages) {
		this.alerts = alerts;
		this.views = views;
		this.cards = cards;
		this.messages = messages;
	}

	static ShareCard shareCard(AlertViews.AlertView alert) {
		String description = alert.paragraphs().isEmpty() ? alert.date() : alert.paragraphs().getFirst();
		return new ShareCard(alert.title(), description, "/alerts/" + alert.id(),
				"/alerts/" + alert.id() + "/card.png");
	}

	@GetMapping("/alerts/{id:\\d+}/card.png")
	ResponseEntity<byte[]> card(@PathVariable long id, Locale locale) {
		AlertRepository.Stored stored = this.alerts.find(id)
			.filter(a -> a.alert().state().isPublic())
			.orElseThrow(() -> new NotFoundException("No alert " + id));
		AlertViews.AlertView alert = this.views.view(stored, locale);
		String line = alert.kind() + " · " + alert.date()
				+ (alert.acceptsPrayers() ? " · "
						+ this.messages.getMessage("alerts.prayed.count", new Object[] { alert.prayed() }, locale)
						: "");
		String key = "alert:" + id + ":" + locale.toLanguageTag() + ":" + alert.prayed() + ":"
				+ alert.title().hashCode();
		byte[] png = this.cards.png(key, new CardImages.Card(this.messages.getMessage("site.name", null, locale),
				alert.title(), line, null, locale));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(png);
	}

}
