package org.safepassage.letters;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.safepassage.letters.campaign.CampaignContent;
import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.stereotype.Service;

/**
 * The letters module's query API for other modules: which letter campaigns exist, by id
 * and title (case files link to the campaigns that speak for a person). A reader's page
 * asks with the reader's language and gets each title translated where staff translated
 * it, or the original with its {@code lang}.
 */
@Service
public class LetterCampaignDirectory {

	private final CampaignRepository campaigns;

	private final ContentTranslations translations;

	LetterCampaignDirectory(CampaignRepository campaigns, ContentTranslations translations) {
		this.campaigns = campaigns;
		this.translations = translations;
	}

	/**
	 * A campaign as other modules may refer to it; {@code published} once opened.
	 * {@code lang} is the language of the title when a reader of another language gets it
	 * untranslated, {@code null} otherwise.
	 */
	public record CampaignSummary(long id, String title, boolean published, String lang) {
	}

	public Optional<CampaignSummary> find(long id) {
		return this.campaigns.find(id).map(LetterCampaignDirectory::summary);
	}

	public List<CampaignSummary> all() {
		return this.campaigns.all().stream().map(LetterCampaignDirectory::summary).toList();
	}

	/** A campaign with its title in the reader's language where it is translated. */
	public Optional<CampaignSummary> find(long id, Locale reader) {
		return find(id).map(c -> inLanguage(c, reader));
	}

	/** Every campaign, titles in the reader's language where translated. */
	public List<CampaignSummary> all(Locale reader) {
		return all().stream().map(c -> inLanguage(c, reader)).toList();
	}

	private CampaignSummary inLanguage(CampaignSummary campaign, Locale reader) {
		ContentTranslations.Localized local = this.translations.localize(CampaignContent.TRANSLATION_KIND,
				campaign.id(), reader);
		return new CampaignSummary(campaign.id(), local.text("title", campaign.title()), campaign.published(),
				local.lang("title"));
	}

	private static CampaignSummary summary(LetterCampaign campaign) {
		return new CampaignSummary(campaign.id(), campaign.content().title(), campaign.isPublic(), null);
	}

}
