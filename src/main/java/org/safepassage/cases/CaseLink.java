package org.safepassage.cases;

/**
 * A page a case can speak for: a petition, an incident, an alert or a letter campaign.
 */
public record CaseLink(Kind kind, long id) {

	public enum Kind {

		PETITION, INCIDENT, ALERT, LETTER_CAMPAIGN

	}

	public static CaseLink petition(long id) {
		return new CaseLink(Kind.PETITION, id);
	}

	public static CaseLink incident(long id) {
		return new CaseLink(Kind.INCIDENT, id);
	}

	public static CaseLink alert(long id) {
		return new CaseLink(Kind.ALERT, id);
	}

	public static CaseLink letterCampaign(long id) {
		return new CaseLink(Kind.LETTER_CAMPAIGN, id);
	}

}
