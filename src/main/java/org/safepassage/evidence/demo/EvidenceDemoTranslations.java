package org.safepassage.evidence.demo;

import java.util.Map;

/**
 * The demo incidents' titles and summaries, and the demo estimates' words, in Korean,
 * Simplified and Traditional Chinese, written for readers of each from the same facts.
 */
final class EvidenceDemoTranslations {

	/** English title of the incident, then language tag, then field to text. */
	static final Map<String, Map<String, Map<String, String>>> INCIDENTS = Map
		.of("China returns 80 North Koreans as the border reopens", Map.of("ko",
				Map.of("title", "국경 재개방과 함께 중국, 북한 주민 80명 송환", "summary",
						"북한이 코로나19 국경 통제를 풀기 시작한 지 몇 주 만에, 중국 당국은 북한을 탈출한 약 80명을 국경 너머로 돌려보냈습니다."),
				"zh-Hans", Map.of("title", "朝鲜边境重开之际，中国遣返80名朝鲜人", "summary", "朝鲜开始放宽疫情期间的边境管控几周后，中国当局将约80名逃离朝鲜的人遣返过境。"),
				"zh-Hant",
				Map.of("title", "北韓邊境重開之際，中國遣返80名北韓人", "summary", "北韓開始放寬疫情期間的邊境管制數週後，中國當局將約80名逃離北韓的人遣返過境。")),
				"A further 40 North Koreans returned from China",
				Map.of("ko",
						Map.of("title", "중국, 북한 주민 40명 추가 송환", "summary",
								"8월 송환 3주 뒤, 중국에 억류되어 있던 북한 주민 일행이 다시 북한에 넘겨졌습니다."),
						"zh-Hans", Map.of("title", "中国再遣返40名朝鲜人", "summary", "8月遣返三周之后，又有一小批被关押在中国的朝鲜人被移交回朝鲜。"),
						"zh-Hant", Map.of("title", "中國再遣返40名北韓人", "summary", "8月遣返三週之後，又有一小批被關押在中國的北韓人被移交回北韓。")),
				"Hundreds of North Koreans returned from China overnight",
				Map.of("ko", Map.of("title", "하룻밤 새 북한 주민 수백 명 중국에서 송환", "summary",
						"10월 9일 밤, 국경 재개방 이후 가장 큰 규모의 무리가 송환되었고 그 대부분이 여성이었습니다. 인원은 출처에 따라 500명 이상, 또는 600명으로 엇갈립니다."),
						"zh-Hans",
						Map.of("title", "一夜之间，数百名朝鲜人被中国遣返", "summary",
								"10月9日夜间，中国遣返了边境重开以来人数最多的一批人，其中大多数是女性。各方说法不一：超过500人，或600人。"),
						"zh-Hant", Map.of("title", "一夜之間，數百名北韓人被中國遣返", "summary",
								"10月9日夜間，中國遣返了邊境重開以來人數最多的一批人，其中大多數是女性。各方說法不一：超過500人，或600人。")));

	/** The source of both demo estimates, as each language says it. */
	private static final Map<String, String> SOURCE_TITLE = Map.of("ko",
			"Release International이 주영 중국대사관에 청원서를 전달하며 밝힌 내용", "zh-Hans", "Release International 向中国驻伦敦大使馆递交请愿书时的说明",
			"zh-Hant", "Release International 向中國駐倫敦大使館遞交請願書時的說明");

	/**
	 * The demo estimates' statements, source title and notes: English statement, then
	 * language tag, then field to text. The organisation keeps its own spelling.
	 */
	static final Map<String, Map<String, Map<String, String>>> ESTIMATES = Map.of(
			"North Koreans returned by China each year",
			Map.of("ko",
					Map.of("statement", "중국이 해마다 북한으로 강제 송환하는 북한 주민", "sourceTitle", SOURCE_TITLE.get("ko"), "note",
							"2009년 월드와치리스트(기독교 박해 국가 순위)가 발표될 무렵, 청원서를 전달하면서 밝힌 수치입니다. 기간은 대략적입니다."),
					"zh-Hans",
					Map.of("statement", "中国每年遣返的朝鲜人", "sourceTitle", SOURCE_TITLE.get("zh-Hans"), "note",
							"此数字在递交请愿书时提出，约与2009年“世界守望名单”发布同期；所指期间为大致估计。"),
					"zh-Hant",
					Map.of("statement", "中國每年遣返的北韓人", "sourceTitle", SOURCE_TITLE.get("zh-Hant"), "note",
							"此數字於遞交請願書時提出，約與2009年「世界守望名單」發布同期；所指期間為大致估計。")),
			"North Koreans who crossed into China over ten years",
			Map.of("ko",
					Map.of("statement", "10년 동안 중국으로 넘어간 북한 주민", "sourceTitle", SOURCE_TITLE.get("ko"), "note",
							"송환된 사람이 아니라 국경을 넘은 사람의 수입니다. 10년이라는 기간은 대략적입니다."),
					"zh-Hans",
					Map.of("statement", "十年间越境进入中国的朝鲜人", "sourceTitle", SOURCE_TITLE.get("zh-Hans"), "note",
							"这是越境的人数，而不是被遣返的人数；“十年”只是大致的说法。"),
					"zh-Hant", Map.of("statement", "十年間越境進入中國的北韓人", "sourceTitle", SOURCE_TITLE.get("zh-Hant"), "note",
							"這是越境的人數，而不是被遣返的人數；「十年」只是大致的說法。")));

	/**
	 * The demo reports' titles and notes: English title of the report, then language tag,
	 * then field to text. Both Human Rights Watch reports share their title and note.
	 */
	static final Map<String, Map<String, Map<String, String>>> REPORTS = Map.of(
			"Returns of North Korean refugees from China (as cited)",
			Map.of("ko", Map.of("title", "중국의 탈북 난민 강제 송환 (인용 보도)", "note", "2023년 11월 23일 기도 알림에 인용된 수치입니다."),
					"zh-Hans", Map.of("title", "中国遣返朝鲜难民（转引）", "note", "数字转引自2023年11月23日的一份祷告通讯。"), "zh-Hant",
					Map.of("title", "中國遣返北韓難民（轉引）", "note", "數字轉引自2023年11月23日的一份禱告通訊。")),
			"North Korean refugees forcibly returned from China (as cited)",
			Map.of("ko",
					Map.of("title", "중국에서 강제 송환된 북한 난민 (인용 보도)", "note",
							"CSW 설립자 겸 회장의 송환 관련 발언이 인용되어 있습니다. 수치는 2023년 11월 23일 기도 알림에 인용된 것입니다."),
					"zh-Hans",
					Map.of("title", "被中国强制遣返的朝鲜难民（转引）", "note", "文中引用了CSW创始总裁对这次遣返的评论。数字转引自2023年11月23日的一份祷告通讯。"),
					"zh-Hant",
					Map.of("title", "遭中國強制遣返的北韓難民（轉引）", "note", "文中引用了CSW創辦人暨總裁對這次遣返的評論。數字轉引自2023年11月23日的一份禱告通訊。")),
			"China sends hundreds of North Korean refugees back to extreme danger",
			Map.of("ko",
					Map.of("title", "중국, 북한 난민 수백 명을 극심한 위험 속으로 돌려보내", "note",
							"탈북민 출신으로 오픈도어 대변인인 티모시 조의 말을 인용한 기사입니다."),
					"zh-Hans", Map.of("title", "中国将数百名朝鲜难民遣返，使他们重陷极大危险", "note", "文章引述了脱北者、敞开的门发言人 Timothy Cho 的话。"),
					"zh-Hant", Map.of("title", "中國將數百名北韓難民遣返，使他們重陷極大危險", "note", "文章引述了脫北者、敞開的門發言人 Timothy Cho 的話。")));

	private EvidenceDemoTranslations() {
	}

}
