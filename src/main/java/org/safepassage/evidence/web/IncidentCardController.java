package org.safepassage.evidence.web;

import java.time.Duration;
import java.util.Locale;

import org.safepassage.evidence.store.EvidenceCatalogue;
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

/** A published incident's card image: its title, date, place and figure. */
@Controller
class IncidentCardController {

	private final EvidenceCatalogue catalogue;

	private final EvidenceViews views;

	private final CardImages cards;

	private final MessageSource messages;

	IncidentCardController(EvidenceCatalogue catalogue, EvidenceViews views, CardImages cards, MessageSource messages) {
		this.catalogue = catalogue;
		this.views = views;
		this.cards = cards;
		this.messages = messages;
	}

	static ShareCard shareCard(EvidenceViews.IncidentView incident) {
		return new ShareCard(incident.title(), incident.summary(), "/evidence/incidents/" + incident.id(),
				"/evidence/incidents/" + incident.id() + "/card.png");
	}

	@GetMapping("/evidence/incidents/{id}/card.png")
	ResponseEntity<byte[]> card(@PathVariable long id, Locale locale) {
		EvidenceViews.IncidentView incident = this.catalogue.incident(id, false)
			.map(listed -> this.views.incident(listed, locale))
			.orElseThrow(() -> new NotFoundException("No incident " + id));
		String line = incident.date() + " · " + incident.place() + " · " + incident.figure();
		String key = "incident:" + id + ":" + locale.toLanguageTag() + ":" + (incident.title() + line).hashCode();
		byte[] png = this.cards.png(key, new CardImages.Card(this.messages.getMessage("site.name", null, locale),
				incident.title(), line, null, locale));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(png);
	}

}
