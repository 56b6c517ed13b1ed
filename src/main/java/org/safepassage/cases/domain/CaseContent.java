package org.safepassage.cases.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The public part of a case as staff write it; public only once approved. It holds no
 * protected value by construction: those live in {@link ProtectedPart}, sealed.
 */
public record CaseContent(String pseudonym, AgeBand ageBand, Gender gender, Situation situation,
		LocalDate situationSince, LocalDate lastHeardOn, String story, Links links) {

	/** The pages that speak for the person, by id. */
	public record Links(List<Long> incidentIds, List<Long> petitionIds, List<Long> alertIds,
			List<Long> letterCampaignIds) {

		public Links {
			incidentIds = List.copyOf(incidentIds);
			petitionIds = List.copyOf(petitionIds);
			alertIds = List.copyOf(alertIds);
			letterCampaignIds = List.copyOf(letterCampaignIds);
		}

		public static Links none() {
			return new Links(List.of(), List.of(), List.of(), List.of());
		}

	}

}
