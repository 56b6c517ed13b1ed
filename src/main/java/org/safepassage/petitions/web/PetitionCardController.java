package org.safepassage.petitions.web;

import java.time.Duration;
import java.util.Locale;

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

/**
 * A petition's card image, for the Open Graph and Twitter card of its page: its title,
 * its count and, with a goal, the progress towards it, in the reader's language.
 */
@Controller
class PetitionCardController {

	private final PetitionCatalogue catalogue;

	private final CardImages cards;

	private final MessageSource messages;

	PetitionCardController(PetitionCatalogue catalogue, CardImages cards, MessageSource messages) {
		this.catalogue = catalogue;
		this.cards = cards;
		this.messages = messages;
	}

	/** The card a petition page declares, with its image. */
	static ShareCard shareCard(PetitionView petition) {
		String description = petition.backgroundParagraphs().isEmpty() ? petition.target()
				: petition.backgroundParagraphs().getFirst();
		return new ShareCard(petition.title(), description, "/petitions/" + petition.id(),
				"/petitions/" + petition.id() + "/card.png");
	}

	@GetMapping(path = "/petitions/{id}/card.png")
	ResponseEntity<byte[]> card(@PathVariable long id, Locale locale) {
		PetitionView petition = this.catalogue.publicPetition(id, locale)
			.orElseThrow(() -> new NotFoundException("No petition " + id));
		String count = this.messages.getMessage("petition.signatureCount", new Object[] { petition.signatures() },
				locale);
		String line = (petition.goal() == null) ? count
				: count + " · " + this.messages.getMessage("petition.goal", new Object[] { petition.goal() }, locale);
		Double progress = (petition.goal() == null) ? null : petition.progressPercent() / 100.0;
		String key = "petition:" + id + ":" + locale.toLanguageTag() + ":" + petition.signatures() + ":"
				+ petition.title().hashCode() + ":" + petition.goal();
		byte[] png = this.cards.png(key, new CardImages.Card(this.messages.getMessage("site.name", null, locale),
				petition.title(), line, progress, locale));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(png);
	}

}
