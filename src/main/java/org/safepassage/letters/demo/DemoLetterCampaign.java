package org.safepassage.letters.demo;

import java.time.LocalDate;
import java.util.List;

import org.safepassage.alerts.AlertDirectory;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.letters.campaign.CampaignAdministration;
import org.safepassage.letters.campaign.CampaignContent;
import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.record.ParliamentaryRecord;
import org.safepassage.letters.record.RecordEntry;
import org.safepassage.letters.record.RecordKind;
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
 * On a first start, an open letter campaign to the House of Commons and the Scottish
 * Parliament, linked to the demo petition, alerts and the October 2023 returns, with the
 * parliamentary record the campaign's reports describe for autumn 2023. Letters written
 * to it go to the demo directory's example.org members.
 */
@Component
@Order(50)
@DemoData
class DemoLetterCampaign implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLetterCampaign.class);

	static final String TITLE = "Ask your representatives to raise the forced returns";

	private static final String COMMONS = "House of Commons";

	private static final String HOLYROOD = "Scottish Parliament";

	private final CampaignRepository campaigns;

	private final CampaignAdministration administration;

	private final ParliamentaryRecord record;

	private final PetitionDirectory petitions;

	private final AlertDirectory alerts;

	private final IncidentDirectory incidents;

	DemoLetterCampaign(CampaignRepository campaigns, CampaignAdministration administration, ParliamentaryRecord record,
			PetitionDirectory petitions, AlertDirectory alerts, IncidentDirectory incidents) {
		this.campaigns = campaigns;
		this.administration = administration;
		this.record = record;
		this.petitions = petitions;
		this.alerts = alerts;
		this.incidents = incidents;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!campaigns.isEmpty()) {
			return;
		}
		List<Long> petition = petitions.demoCampaign().map(PetitionDirectory.PetitionSummary::id).stream().toList();
		List<Long> alertIds = alerts.all()
			.stream()
			.filter(a -> a.date().getYear() == 2023)
			.map(AlertDirectory.AlertSummary::id)
			.toList();
		List<Long> october = incidents.all()
			.stream()
			.filter(i -> LocalDate.of(2023, 10, 9).equals(i.firstDay()))
			.map(IncidentDirectory.IncidentSummary::id)
			.toList();
		long id = administration.create(
				new CampaignContent(TITLE, List.of("uk-commons", "scottish-parliament"),
						"North Korean refugees sent back from China", LETTER, GUIDANCE, petition, alertIds, october),
				"demo");
		administration.open(id);
		LocalDate reported = LocalDate.of(2023, 10, 20);
		record.add(new RecordEntry(null, id, reported, RecordKind.MOTION_TABLED, HOLYROOD,
				"A member of the Scottish Parliament", null,
				"A motion was tabled asking the Scottish Parliament to debate China's return of North Korean "
						+ "refugees after the returns of 9 October (reported 20 October 2023)."));
		record.add(new RecordEntry(null, id, reported, RecordKind.GROUP_LETTER, COMMONS,
				"All-Party Parliamentary Group on North Korea (co-secretariat)", null,
				"The group's co-secretariat, an escapee who was once returned himself, wrote to MPs asking them to "
						+ "raise the returns in Parliament and to urge the Government to seek talks with China so "
						+ "that those still detained can leave for third countries."));
		record.add(new RecordEntry(null, id, reported, RecordKind.DEBATE_REQUESTED, COMMONS, "", null,
				"A Backbench Business debate on the returns was sought in the Commons; supporters were asked to "
						+ "pray that it is granted and heard."));
		log.info("Demo letter campaign {} opened, linked to petition {}, alerts {} and incidents {}", id, petition,
				alertIds, october);
	}

	private static final String LETTER = """
			Dear {representative},

			I am writing to you as your constituent in {town} about the North Korean refugees whom China \
			continues to send back across the border.

			On the night of 9 October 2023 China returned some five to six hundred people, most of them women. \
			Those returned face prison, torture and sometimes execution, and anyone found to have met Christians \
			is punished most harshly. Hundreds more are said to be held in China under the same threat.

			China is a party to the UN Refugee Convention. I ask you to raise these returns in Parliament and to \
			press the Government to urge China to recognise North Koreans who flee as refugees, to let them travel \
			safely to a third country, and to stop the forced returns.

			I would be grateful to know what you are able to do.

			Yours sincerely,
			{name}""";

	private static final String GUIDANCE = """
			Letters in your own words are read; copies of one text are often set aside. Change the suggested \
			letter as much as you like: say why this matters to you, in a few sentences.

			Be courteous and brief, and ask one clear thing. Your representative answers their own constituents \
			only, so give the address where you live.""";

}
