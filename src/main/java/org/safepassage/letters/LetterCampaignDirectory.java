package org.safepassage.letters;

import java.util.List;
import java.util.Optional;

import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.campaign.LetterCampaign;
import org.springframework.stereotype.Service;

/**
 * The letters module's query API for other modules: which letter campaigns exist, by id
 * and title (case files link to the campaigns that speak for a person).
 */
@Service
public class LetterCampaignDirectory {

	private final CampaignRepository campaigns;

	LetterCampaignDirectory(CampaignRepository campaigns) {
		this.campaigns = campaigns;
	}

	/** A campaign as other modules may refer to it; {@code published} once opened. */
	public record CampaignSummary(long id, String title, boolean published) {
	}

	public Optional<CampaignSummary> find(long id) {
		return this.campaigns.find(id).map(LetterCampaignDirectory::summary);
	}

	public List<CampaignSummary> all() {
		return this.campaigns.all().stream().map(LetterCampaignDirectory::summary).toList();
	}

	private static CampaignSummary summary(LetterCampaign campaign) {
		return new CampaignSummary(campaign.id(), campaign.content().title(), campaign.isPublic());
	}

}
