package org.safepassage.letters.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.letters.campaign.CampaignContent;
import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.system.translations.TranslatableKind;
import org.springframework.stereotype.Component;

/**
 * What staff translate of a letter campaign: its title and the guidance for writers. The
 * subject and the suggested letter go to a representative in the original language and
 * are not translated.
 */
@Component
class CampaignTranslatable implements TranslatableKind {

	private static final List<Field> FIELDS = List.of(new Field("title", "letters.form.title", 150, false),
			new Field("guidance", "letters.form.guidance", 3000, true));

	private final CampaignRepository campaigns;

	CampaignTranslatable(CampaignRepository campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public String kind() {
		return CampaignContent.TRANSLATION_KIND;
	}

	@Override
	public List<Field> fields() {
		return FIELDS;
	}

	@Override
	public Optional<Map<String, String>> originals(long id) {
		return campaigns.find(id)
			.map(c -> Map.of("title", c.content().title(), "guidance",
					c.content().guidance() == null ? "" : c.content().guidance()));
	}

	@Override
	public String title(long id) {
		return campaigns.find(id).map(c -> c.content().title()).orElse("");
	}

	@Override
	public String publicPath(long id) {
		return campaigns.find(id).filter(LetterCampaign::isPublic).map(c -> "/letters/" + id).orElse(null);
	}

	@Override
	public String adminPath(long id) {
		return "/admin/letters/" + id;
	}

	@Override
	public List<String> requiredRoles() {
		return List.of("ADMIN", "CAMPAIGNER");
	}

}
