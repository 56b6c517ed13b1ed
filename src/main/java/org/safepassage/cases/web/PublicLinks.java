package org.safepassage.cases.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.safepassage.alerts.AlertDirectory;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.letters.LetterCampaignDirectory;
import org.safepassage.petitions.PetitionDirectory;

/**
 * The links of published cases as the public may follow them: only the ids of pages that
 * are public themselves (no draft petition, unpublished incident or alert, unpublished
 * letter campaign). Made for one response ({@link CaseViews#publicLinks()}): each page is
 * asked about once, so a page of cases that all link to the same petition costs one
 * lookup, not one per case.
 */
final class PublicLinks {

	private final Map<Long, Boolean> petitions = new HashMap<>();

	private final Map<Long, Boolean> incidents = new HashMap<>();

	private final Map<Long, Boolean> alerts = new HashMap<>();

	private final Map<Long, Boolean> campaigns = new HashMap<>();

	private final LongPredicate petitionPublic;

	private final LongPredicate incidentPublic;

	private final LongPredicate alertPublic;

	private final LongPredicate campaignPublic;

	PublicLinks(PetitionDirectory petitions, IncidentDirectory incidents, AlertDirectory alerts,
			LetterCampaignDirectory campaigns) {
		this.petitionPublic = id -> petitions.find(id)
			.filter(PetitionDirectory.PetitionSummary::publicState)
			.isPresent();
		this.incidentPublic = id -> incidents.find(id).filter(IncidentDirectory.IncidentSummary::published).isPresent();
		this.alertPublic = id -> alerts.find(id).filter(AlertDirectory.AlertSummary::published).isPresent();
		this.campaignPublic = id -> campaigns.find(id)
			.filter(LetterCampaignDirectory.CampaignSummary::published)
			.isPresent();
	}

	CaseContent.Links of(CaseContent.Links links) {
		return new CaseContent.Links(keep(links.incidentIds(), this.incidents, this.incidentPublic),
				keep(links.petitionIds(), this.petitions, this.petitionPublic),
				keep(links.alertIds(), this.alerts, this.alertPublic),
				keep(links.letterCampaignIds(), this.campaigns, this.campaignPublic));
	}

	private static List<Long> keep(List<Long> ids, Map<Long, Boolean> known, LongPredicate isPublic) {
		return ids.stream().filter(id -> known.computeIfAbsent(id, isPublic::test)).toList();
	}

}
