package org.safepassage.letters.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.safepassage.system.translations.ContentTranslations;
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

	private final ContentTranslations translations;

	DemoLetterCampaign(CampaignRepository campaigns, CampaignAdministration administration, ParliamentaryRecord record,
			PetitionDirectory petitions, AlertDirectory alerts, IncidentDirectory incidents,
			ContentTranslations translations) {
		this.translations = translations;
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
		TRANSLATIONS.forEach((language, fields) -> fields.forEach((field, text) -> translations
			.save(CampaignContent.TRANSLATION_KIND, id, field, Locale.forLanguageTag(language), text, "demo")));
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

	/**
	 * The title and guidance for Korean and Chinese readers; the letter itself goes to a
	 * UK representative in English, which the guidance says.
	 */
	private static final Map<String, Map<String, String>> TRANSLATIONS = Map.of("ko", Map.of("title",
			"지역구 의원에게 강제 북송 문제를 제기해 달라고 요청하세요", "guidance",
			"""
					자신의 말로 쓴 편지는 읽히지만, 같은 글을 그대로 옮긴 편지는 흔히 한쪽으로 밀려납니다. 제안된 편지는 					얼마든지 고쳐 쓰셔도 됩니다. 이 일이 왜 나에게 중요한지 몇 문장으로 적어 주세요.

					정중하고 간결하게, 분명한 요청 하나를 담아 주세요. 의원은 자기 지역구 주민에게만 답하므로 실제로 사는 					곳의 주소를 적어 주세요. 편지는 영어로 써 주세요."""),
			"zh-Hans", Map.of("title", "请您的议员就强制遣返问题发声", "guidance", """
					用自己的话写的信会被认真阅读；照抄同一段文字的信往往会被搁在一边。建议的信稿可以随意修改：					用几句话说说这件事为什么对您重要。

					请礼貌、简短，并提出一个明确的请求。议员只回复本选区的选民，所以请填写您的居住地址。信件须以英文书写。"""), "zh-Hant",
			Map.of("title", "請您的國會議員就強制遣返問題發聲", "guidance", """
					用自己的話寫的信會被認真閱讀；照抄同一段文字的信往往會被擱在一旁。建議的信稿可以隨意修改：					用幾句話說說這件事為什麼對您重要。

					請保持禮貌、簡短，並提出一個明確的請求。議員只回覆自己選區的選民，所以請填寫您的居住地址。信件須以英文撰寫。"""));

	private static final String GUIDANCE = """
			Letters in your own words are read; copies of one text are often set aside. Change the suggested \
			letter as much as you like: say why this matters to you, in a few sentences.

			Be courteous and brief, and ask one clear thing. Your representative answers their own constituents \
			only, so give the address where you live.""";

}
