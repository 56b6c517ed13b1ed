package org.safepassage.petitions.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.petitions.domain.PetitionRepository;
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
 * On a first start with an empty database, opens the demo campaign: the petition to the
 * PRC Embassy in London, its three demands and its goal of 50,000 signatures, written
 * from the 2023 reports.
 */
@Component
@Order(10)
@DemoData
class DemoCampaign implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

	static final String TITLE = "Recognise North Koreans who have fled to China as refugees";

	static final String TARGET = "Embassy of the People's Republic of China, London";

	private final PetitionRepository petitions;

	private final Clock clock;

	private final ContentTranslations translations;

	DemoCampaign(PetitionRepository petitions, Clock clock, ContentTranslations translations) {
		this.petitions = petitions;
		this.clock = clock;
		this.translations = translations;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!petitions.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Petition petition = Petition.draft(
				new PetitionContent(TITLE, BACKGROUND, DEMANDS, TARGET, 50_000, now.plus(Duration.ofDays(180))), "demo",
				now);
		long id = petitions.save(petition);
		Petition saved = petitions.find(id).orElseThrow();
		saved.submit(now);
		petitions.save(saved);
		Petition submitted = petitions.find(id).orElseThrow();
		submitted.open(now);
		petitions.save(submitted);
		DemoTranslations.PETITION.forEach((language, fields) -> fields.forEach((field, text) -> translations
			.save(PetitionContent.TRANSLATION_KIND, id, field, Locale.forLanguageTag(language), text, "demo")));
		log.info("Demo campaign loaded: petition {} is open", id);
	}

	static final String BACKGROUND = """
			Men, women and children who escape North Korea into China are treated by Beijing as illegal economic \
			migrants. When they are caught they are sent back, and in North Korea leaving without permission is \
			punished with prison camps, torture and sometimes execution.

			Returns resumed when North Korea reopened its border in 2023. Human Rights Watch reported that China \
			sent back 80 people on 29 August and 40 more on 18 September. On the night of 9 October a far larger \
			group followed: Christian Solidarity Worldwide put it at more than 500, Open Doors at 600, most of \
			them women.

			The UN Special Rapporteur on North Korea regards those who flee as refugees entitled to protection. \
			South Korea treats them as citizens and, like the United States, has said it will take them in if \
			China lets them pass. Release International estimates that China returns around 4,000 people a year.

			Add your name to ask the Chinese government, through its embassy in London, to change course.""";

	static final List<String> DEMANDS = List.of(
			"Grant refugee status to North Koreans who have escaped to China, and treat them with compassion.",
			"Allow them safe passage to third countries that are ready to receive them, such as South Korea.",
			"End the forced return of North Koreans to North Korea, starting now.");

}
