package org.safepassage.petitions.delivery;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.safepassage.petitions.delivery.DeliveryRecords.DeliveryView;
import org.safepassage.petitions.delivery.DeliveryRecords.ResponseView;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.mail.MailComposer;
import org.safepassage.system.mail.OutgoingMail;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.stereotype.Component;

/**
 * Writes the mails that tell signers a petition was delivered or answered, in the
 * signer's language when the site offers it and in the site's first language otherwise.
 * Every one carries the signer's own link to remove their signature. The petition is
 * named by its title in that language where staff translated it, as the page does.
 */
@Component
class UpdateMails {

	private final MailComposer composer;

	private final SafePassageProperties site;

	private final ContentTranslations translations;

	UpdateMails(MailComposer composer, SafePassageProperties site, ContentTranslations translations) {
		this.composer = composer;
		this.site = site;
		this.translations = translations;
	}

	/** What every mail of one update shares; read once per batch. */
	record Subject(long updateId, long petitionId, String petitionTitle, DeliveryView delivery, ResponseView response) {
	}

	record Recipient(long signatureId, String name, String email, String locale) {
	}

	OutgoingMail write(Subject subject, Recipient recipient, String removalToken) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", recipient.name());
		Locale locale = languageOf(recipient.locale());
		// Read from the per-record copy: one query per petition, not per signer.
		ContentTranslations.Localized local = translations.localize(PetitionContent.TRANSLATION_KIND,
				subject.petitionId(), locale);
		String title = local.text("title", subject.petitionTitle());
		model.put("petitionTitle", title);
		model.put("petitionTitleLang", local.lang("title"));
		model.put("petitionUrl", site.link("/petitions/" + subject.petitionId(), locale));
		model.put("removeUrl", site.link("/signatures/remove?token=" + removalToken, locale));
		OutgoingMail mail;
		if (subject.response() != null) {
			model.put("response", subject.response());
			mail = composer.compose(recipient.email(), "petitions/responded", model, locale,
					new Object[] { title, subject.response().responder() }, Map.of());
		}
		else {
			model.put("delivery", subject.delivery());
			mail = composer.compose(recipient.email(), "petitions/delivered", model, locale, new Object[] { title },
					Map.of());
		}
		return new OutgoingMail(mail.recipient(), mail.subject(), mail.textBody(), mail.htmlBody(),
				SignerUpdates.category(subject.updateId()), mail.headers());
	}

	/**
	 * One of the site's languages: the signer's, or its language without region, or the
	 * first.
	 */
	Locale languageOf(String tag) {
		Locale wanted = Locale.forLanguageTag(tag == null ? "" : tag);
		for (Locale offered : site.languages()) {
			if (offered.equals(wanted)) {
				return offered;
			}
		}
		for (Locale offered : site.languages()) {
			if (offered.getLanguage().equals(wanted.getLanguage())) {
				return offered;
			}
		}
		return site.languages().getFirst();
	}

}
