package org.safepassage.letters.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safepassage.shared.RuleViolation;

class LetterCampaignTest {

	static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

	static CampaignContent content(String... bodies) {
		return new CampaignContent("Title", List.of(bodies), "Subject", "Dear {representative}", "", List.of(),
				List.of(), List.of());
	}

	@Test
	void aCampaignGoesFromDraftToOpenToClosedAndNoOtherWay() {
		LetterCampaign campaign = LetterCampaign.draft(content("uk-commons"), "staff", NOW);
		assertThat(campaign.acceptsLetters()).isFalse();
		assertThatThrownBy(() -> campaign.close(NOW)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("letters.rule.closeOnlyOpen");
		campaign.open(NOW);
		assertThat(campaign.acceptsLetters()).isTrue();
		assertThat(campaign.openedAt()).isEqualTo(NOW);
		assertThatThrownBy(() -> campaign.open(NOW)).isInstanceOf(RuleViolation.class);
		campaign.revise(content("uk-commons", "scottish-parliament"));
		campaign.close(NOW);
		assertThat(campaign.acceptsLetters()).isFalse();
		assertThat(campaign.isPublic()).isTrue();
		assertThatThrownBy(() -> campaign.revise(content("uk-commons"))).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("letters.rule.reviseNotClosed");
	}

	@Test
	void aCampaignWithoutBodiesCannotOpen() {
		LetterCampaign campaign = LetterCampaign.draft(content(), "staff", NOW);
		assertThatThrownBy(() -> campaign.open(NOW)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("letters.rule.openNeedsBodies");
	}

}
