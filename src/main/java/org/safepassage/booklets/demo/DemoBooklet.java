package org.safepassage.booklets.demo;

import java.util.List;
import java.util.Optional;

import org.safepassage.booklets.domain.BookletContent;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.booklets.domain.BookletRepository.Cover;
import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.images.CoverImages;
import org.safepassage.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start, the free booklet the campaign's article invites readers to order: a
 * published prayer guide in English and Korean with a cover drawn by {@link DemoCover}.
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

	private final BookletRepository booklets;

	private final CoverImages covers;

	private final BookletsProperties properties;

	DemoBooklet(BookletRepository booklets, CoverImages covers, BookletsProperties properties) {
		this.booklets = booklets;
		this.covers = covers;
		this.properties = properties;
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
		log.info("Demo booklet {} published", id);
	}

}
