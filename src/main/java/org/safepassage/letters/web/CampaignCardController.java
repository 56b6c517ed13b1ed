package org.safepassage.letters.web;

import java.time.Duration;
import java.util.Locale;

import org.safepassage.letters.sending.LetterCounts.BodyCount;
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

/** A letter campaign's card image: its title and how many letters were sent. */
@Controller
class CampaignCardController {

	private final CampaignViews views;

	private final CardImages cards;

	private final MessageSource messages;

	CampaignCardController(CampaignViews views, CardImages cards, MessageSource messages) {
		this.views = views;
		this.cards = cards;
		this.messages = messages;
	}

	static ShareCard shareCard(CampaignView campaign) {
		return new ShareCard(campaign.title(), campaign.subject(), "/letters/" + campaign.id(),
				"/letters/" + campaign.id() + "/card.png");
	}

	@GetMapping("/letters/{id:\\d+}/card.png")
	ResponseEntity<byte[]> card(@PathVariable long id, Locale locale) {
		CampaignView campaign = this.views.publicCampaign(id)
			.map(c -> this.views.view(c, locale))
			.orElseThrow(() -> new NotFoundException("No letter campaign " + id));
		long sent = campaign.counts().stream().mapToLong(BodyCount::sent).sum();
		String line = this.messages.getMessage("letters.counts.sent", null, locale) + ": " + sent;
		String key = "letters:" + id + ":" + locale.toLanguageTag() + ":" + sent + ":" + campaign.title().hashCode();
		byte[] png = this.cards.png(key, new CardImages.Card(this.messages.getMessage("site.name", null, locale),
				campaign.title(), line, null, locale));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(png);
	}

}
