package org.safepassage.letters.campaign;

import java.util.List;

/**
 * What staff write for a letter campaign. The suggested letter may hold the placeholders
 * {@code {representative}}, {@code {name}} and {@code {town}}.
 */
public record CampaignContent(String title, List<String> bodies, String subject, String suggestedLetter,
		String guidance, List<Long> petitionIds, List<Long> alertIds, List<Long> incidentIds) {

	/** The kind under which campaigns' translations are kept (system.translations). */
	public static final String TRANSLATION_KIND = "letter_campaign";

	public CampaignContent {
		bodies = List.copyOf(bodies);
		petitionIds = List.copyOf(petitionIds);
		alertIds = List.copyOf(alertIds);
		incidentIds = List.copyOf(incidentIds);
	}

}
