package org.safepassage.cases.demo;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.safepassage.alerts.AlertDirectory;
import org.safepassage.cases.domain.AgeBand;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.Gender;
import org.safepassage.cases.domain.ProtectedPart;
import org.safepassage.cases.domain.Situation;
import org.safepassage.cases.store.CaseFiles;
import org.safepassage.cases.store.CaseRepository;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.letters.LetterCampaignDirectory;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start, one published case from the public facts of the campaign's reports:
 * the escapee who speaks for the campaign under a changed name. Its protected part holds
 * obvious placeholders, never a real person's details. It is asked for by one demo
 * account and approved by another, as every publication must be.
 */
@Component
@Order(60)
@DemoData
class CaseDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CaseDemo.class);

	static final String PSEUDONYM = "Mr T.";

	static final String PLACEHOLDER = "PLACEHOLDER — not a real name";

	private final CaseRepository cases;

	private final CaseFiles files;

	private final PetitionDirectory petitions;

	private final IncidentDirectory incidents;

	private final AlertDirectory alerts;

	private final LetterCampaignDirectory campaigns;

	CaseDemo(CaseRepository cases, CaseFiles files, PetitionDirectory petitions, IncidentDirectory incidents,
			AlertDirectory alerts, LetterCampaignDirectory campaigns) {
		this.cases = cases;
		this.files = files;
		this.petitions = petitions;
		this.incidents = incidents;
		this.alerts = alerts;
		this.campaigns = campaigns;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.cases.staffList(null, null, 1, 0).isEmpty()) {
			return;
		}
		List<Long> petition = this.petitions.demoCampaign()
			.map(PetitionDirectory.PetitionSummary::id)
			.stream()
			.toList();
		List<Long> returns2023 = this.incidents.all()
			.stream()
			.filter(i -> i.published() && i.firstDay() != null && i.firstDay().getYear() == 2023)
			.map(IncidentDirectory.IncidentSummary::id)
			.distinct()
			.toList();
		List<Long> alertIds = this.alerts.all()
			.stream()
			.filter(a -> a.published() && a.date() != null && a.date().getYear() == 2023)
			.map(AlertDirectory.AlertSummary::id)
			.toList();
		List<Long> campaignIds = this.campaigns.all()
			.stream()
			.filter(LetterCampaignDirectory.CampaignSummary::published)
			.map(LetterCampaignDirectory.CampaignSummary::id)
			.toList();
		CaseContent content = new CaseContent(PSEUDONYM, AgeBand.FROM_25_TO_39, Gender.MALE, Situation.SAFE, null,
				LocalDate.of(2023, 10, 20), STORY, new CaseContent.Links(returns2023, petition, alertIds, campaignIds));
		Map<CaseField, String> placeholders = new EnumMap<>(CaseField.class);
		placeholders.put(CaseField.REAL_NAME, PLACEHOLDER);
		placeholders.put(CaseField.OTHER_NAMES, "PLACEHOLDER — no other names recorded in the demo");
		placeholders.put(CaseField.NOTES, "PLACEHOLDER — demo case built from published reports only.");
		long id = this.files.create(content, ProtectedPart.of(placeholders), "demo");
		this.files.requestPublication(id, "demo", null);
		this.files.approve(id, "demo-reviewer", null);
		log.info("Demo case {} published, linked to petition {}, incidents {}, alerts {} and campaigns {}", id,
				petition, returns2023, alertIds, campaignIds);
	}

	private static final String STORY = """
			He fled North Korea as a teenager and was caught and sent back from China. What followed was \
			prison, interrogation and punishment.

			He escaped a second time and was again arrested in China. This time he was not returned: after \
			missionaries pleaded for his release, he was deported to the Philippines, and from there he reached \
			safety. Had he been sent back a second time, he says, he would not have survived.

			Today he speaks for those still held in China. In October 2023, after China returned some six hundred \
			people in a single night, he wrote to Members of Parliament asking them to raise the returns and to \
			urge talks with China so that those still detained can be deported to a third country instead.""";

}
