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
 * obvious placeholders, never a real person's details. Its story is told in Korean and in
 * both Chinese scripts too, written for readers of each (not word for word), and approved
 * with the original. It is asked for by one demo account and approved by another, as
 * every publication must be.
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
				LocalDate.of(2023, 10, 20), STORY,
				Map.of("ko", STORY_KO, "zh-Hans", STORY_ZH_HANS, "zh-Hant", STORY_ZH_HANT),
				new CaseContent.Links(returns2023, petition, alertIds, campaignIds));
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

	private static final String STORY_KO = """
			그는 십대 때 북한을 탈출했지만 중국에서 붙잡혀 북송되었습니다. 돌아간 그를 기다린 것은 감옥과 심문, \
			그리고 처벌이었습니다.

			두 번째로 탈출한 그는 또다시 중국에서 체포되었습니다. 이번에는 북송되지 않았습니다. 선교사들이 석방을 \
			호소한 끝에 필리핀으로 추방되었고, 그곳을 거쳐 안전한 곳에 이를 수 있었습니다. 그때 또 북송되었다면 \
			살아남지 못했을 것이라고 그는 말합니다.

			지금 그는 아직 중국에 붙잡혀 있는 사람들을 위해 목소리를 냅니다. 2023년 10월, 중국이 하룻밤 사이에 \
			약 600명을 북한으로 돌려보내자 그는 영국 국회의원들에게 편지를 썼습니다. 의회에서 강제송환 문제를 \
			제기하고, 아직 구금된 이들이 북한이 아닌 제3국으로 추방될 수 있도록 중국과 대화에 나서 달라는 \
			호소였습니다.""";

	private static final String STORY_ZH_HANS = """
			他十几岁时逃离朝鲜，却在中国被抓获并遣返。等待他的是监狱、审讯和惩罚。

			他第二次出逃后，又在中国被捕。这一次他没有被遣返：在传教士为他奔走求情之后，他被驱逐到菲律宾，\
			并从那里辗转抵达安全之地。他说，如果当时再被遣返一次，他不可能活下来。

			如今，他为仍被关押在中国的人发声。2023年10月，中国在一夜之间将约六百人遣返朝鲜。此后，他致信\
			英国国会议员，请他们在议会提出遣返问题，并敦促与中国对话，让仍被拘押的人能够被遣送到第三国，\
			而不是被送回朝鲜。""";

	private static final String STORY_ZH_HANT = """
			他十幾歲時逃離北韓，卻在中國被抓並遣返。等著他的是監獄、審訊與懲罰。

			他第二次出逃，又在中國被捕。這一次他沒有被遣返：在宣教士為他奔走求情之後，他被驅逐出境到菲律賓，\
			再從那裡輾轉抵達安全之地。他說，當時若再被遣返一次，他不可能活到今天。

			如今，他為仍被關押在中國的人發聲。2023年10月，中國在一夜之間將約六百人遣返北韓。之後他寫信給\
			英國國會議員，請他們在國會提出遣返問題，並促請與中國展開對話，讓仍被拘留的人能被遣送到第三國，\
			而不是送回北韓。""";

}
