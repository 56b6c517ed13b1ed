package org.safepassage.booklets.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safepassage.booklets.domain.BookletContent;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.booklets.domain.BookletRepository.Cover;
import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.images.CoverImages;
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
 * On a first start, the free booklet the campaign's article invites readers to order: a
 * published prayer guide in English and Korean with a cover drawn by {@link DemoCover},
 * its title and description translated into Korean and both Chinese scripts.
 */
@Component
@Order(60)
@DemoData
class DemoBooklet implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoBooklet.class);

	static final String TITLE = "Thirty Days of Prayer for North Koreans Seeking Refuge";

	private static final String DESCRIPTION = """
			A small guide for one month of prayer, alone or with a church group. Each day has a short \
			reading, a fact about the journey that North Korean refugees make through China, and a prayer \
			you can say in your own words: for those hiding and travelling, for those caught and sent back, \
			for families who wait without news, and for officials who decide whether to return them.

			The booklet also explains simply why forced return is forbidden under international law and \
			how to ask your representatives to raise it. Free of charge, posted to you; order copies for \
			your home group too.""";

	/**
	 * The title and description for Korean and Chinese readers (Traditional for Taiwan
	 * and Hong Kong: 北韓), from the same text as the English.
	 */
	private static final Map<String, Map<String, String>> TRANSLATIONS = Map.of("ko",
			Map.of("title", "피난처를 찾는 북한 주민을 위한 30일 기도", "description", """
					혼자서 또는 교회 소그룹과 함께 한 달 동안 기도할 수 있도록 만든 작은 안내서입니다. 날마다 짧은 읽을거리와 \
					북한 난민들이 중국을 거쳐 가는 여정에 관한 사실 하나, 그리고 자신의 말로 드릴 수 있는 기도가 담겨 \
					있습니다. 숨어 지내며 길을 떠난 이들, 붙잡혀 돌려보내진 이들, 소식 없이 기다리는 가족들, 그리고 이들을 \
					돌려보낼지 결정하는 관리들을 위해 기도합니다.

					강제 송환이 왜 국제법으로 금지되어 있는지, 지역구 의원에게 이 문제를 제기해 달라고 어떻게 요청할 수 \
					있는지도 쉽게 설명합니다. 무료로 우편 발송해 드리며, 가정 모임에서 함께 볼 부수도 주문하실 수 있습니다."""), "zh-Hans",
			Map.of("title", "为寻求庇护的朝鲜人祷告三十天", "description", """
					一本供个人或教会小组使用、为期一个月的祷告小册子。每天有一小段读物、一个关于朝鲜难民穿越中国之路的事实，\
					以及一段可以用自己的话说出的祷告：为正在躲藏和逃亡的人，为被抓获遣返的人，为杳无音信、苦苦等候的家人，\
					也为决定是否遣返他们的官员。

					小册子还浅显地说明了国际法为什么禁止强制遣返，以及如何请您的议员提出这个问题。免费邮寄给您；\
					也可以为您的家庭小组多订几本。"""), "zh-Hant", Map.of("title", "為尋求庇護的北韓人禱告三十天", "description", """
					一本供個人或教會小組使用、為期一個月的禱告小冊子。每天有一小段讀物、一個關於北韓難民穿越中國之路的事實，\
					以及一段可以用自己的話說出的禱告：為正在躲藏和逃亡的人，為被抓獲遣返的人，為音訊全無、苦苦等候的家人，\
					也為決定是否遣返他們的官員。

					小冊子也淺白地說明了國際法為什麼禁止強制遣返，以及如何請您的國會議員提出這個問題。免費郵寄給您；\
					也可以為您的家庭小組多訂幾本。"""));

	private final BookletRepository booklets;

	private final CoverImages covers;

	private final BookletsProperties properties;

	private final ContentTranslations translations;

	DemoBooklet(BookletRepository booklets, CoverImages covers, BookletsProperties properties,
			ContentTranslations translations) {
		this.booklets = booklets;
		this.covers = covers;
		this.properties = properties;
		this.translations = translations;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!booklets.isEmpty()) {
			return;
		}
		Optional<Cover> cover;
		try {
			cover = Optional.of(covers.encode(DemoCover.draw(TITLE, "A free prayer guide")));
		}
		catch (RuntimeException | LinkageError noFonts) {
			// A server without any font cannot draw the title; the booklet goes without.
			log.warn("Could not draw the demo booklet's cover: {}", noFonts.toString());
			cover = Optional.empty();
		}
		BookletContent content = new BookletContent(TITLE, DESCRIPTION, List.of("en", "ko"), properties.countries(),
				10);
		long id = booklets.create(content, 500, cover, null, true);
		booklets.saveState(booklets.find(id).orElseThrow().publish());
		TRANSLATIONS.forEach((language, fields) -> fields.forEach((field, text) -> translations
			.save(BookletContent.TRANSLATION_KIND, id, field, Locale.forLanguageTag(language), text, "demo")));
		log.info("Demo booklet {} published", id);
	}

}
