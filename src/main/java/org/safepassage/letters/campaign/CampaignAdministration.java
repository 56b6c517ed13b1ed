package org.safepassage.letters.campaign;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.safepassage.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff write, open and close letter campaigns; the campaign decides what is allowed. */
@Service
public class CampaignAdministration {

	private final CampaignRepository campaigns;

	private final Clock clock;

	CampaignAdministration(CampaignRepository campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@Transactional
	public long create(CampaignContent content, String createdBy) {
		return campaigns.insert(LetterCampaign.draft(content, createdBy, clock.instant()));
	}

	@Transactional(readOnly = true)
	public LetterCampaign get(long id) {
		return campaigns.find(id).orElseThrow(() -> new NotFoundException("No letter campaign " + id));
	}

	@Transactional(readOnly = true)
	public List<LetterCampaign> all() {
		return campaigns.all();
	}

	@Transactional
	public void revise(long id, CampaignContent content) {
		change(id, campaign -> campaign.revise(content));
	}

	@Transactional
	public void open(long id) {
		change(id, campaign -> campaign.open(clock.instant()));
	}

	@Transactional
	public void close(long id) {
		change(id, campaign -> campaign.close(clock.instant()));
	}

	private void change(long id, Consumer<LetterCampaign> change) {
		LetterCampaign campaign = get(id);
		change.accept(campaign);
		campaigns.update(campaign);
	}

}
