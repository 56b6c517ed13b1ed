package org.safepassage.alerts.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.evidence.IncidentDirectory;
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
 * On a first start with no alert, puts two alerts of autumn 2023 in the archive, as
 * already sent (nobody is mailed): the prayer alert of 23 November and the news and
 * prayer update of 20 October, linked to the demo petition and the demo incidents.
 * Written in our own words from the reports behind the campaign.
 */
@Component
@Order(30)
@DemoData
public class AlertDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AlertDemo.class);

	public static final String PRAYER_TITLE = "Pray for North Koreans sent back from China";

	public static final String NEWS_TITLE = "600 returned to North Korea: MPs asked to act";

	private final AlertRepository alerts;

	private final PetitionDirectory petitions;

	private final IncidentDirectory incidents;

	private final AlertsProperties properties;

	private final ContentTranslations translations;

	AlertDemo(AlertRepository alerts, PetitionDirectory petitions, IncidentDirectory incidents,
			AlertsProperties properties, ContentTranslations translations) {
		this.translations = translations;
		this.alerts = alerts;
		this.petitions = petitions;
		this.incidents = incidents;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!alerts.isEmpty()) {
			return;
		}
		List<Long> petition = petitions.demoCampaign().map(PetitionDirectory.PetitionSummary::id).stream().toList();
		List<IncidentDirectory.IncidentSummary> all = incidents.all();
		List<Long> returns2023 = incidentsOn(all, LocalDate.of(2023, 10, 9), LocalDate.of(2023, 9, 18),
				LocalDate.of(2023, 8, 29));
		List<Long> october = incidentsOn(all, LocalDate.of(2023, 10, 9));
		String language = properties.languages().getFirst();

		archive(new AlertContent(AlertKind.NEWS, NEWS_TITLE, LocalDate.of(2023, 10, 20), language, null, null, """
				Open Doors reports that China has sent some 600 North Korean refugees back across the border, where \
				prison, torture and worse are likely to await them, and that hundreds more are held in Chinese \
				detention under the same threat.

				Timothy Cho, who escaped North Korea and now speaks for Open Doors, was himself returned once and \
				knows what follows. He has written to Members of Parliament asking them to press the British \
				Government to talk with the Chinese authorities, so that those still held can go to third \
				countries instead of back to North Korea. Saving even one person, he says, would be worth it.

				He notes that many of those returned are Christians, women and children, and that anyone found to \
				have had contact with churches or missionaries in China is likely to be punished most harshly.

				In Scotland a motion has been tabled for the Scottish Parliament to debate the returns, and there is \
				hope of a Backbench Business debate in the House of Commons.""", List.of(
				"That North Korean refugees are kept from harm, and that Christians who have been sent back know God's comfort and protection.",
				"That the UK Parliament responds to these returns with wisdom and compassion, and that the hoped-for debates take place and bear fruit.",
				"With North Korea's Christians, for freedom of religion in their country and for light to overcome the darkness."),
				petition, october));

		archive(new AlertContent(AlertKind.PRAYER, PRAYER_TITLE, LocalDate.of(2023, 11, 23), language,
				"Preserve me, O God: for in thee do I put my trust.", "Psalm 16:1 (KJV)",
				"""
						At the end of September, on Save North Korean Refugees Day, we asked you to pray for people being \
						sent back against their will to the dangers they fled. Only a fortnight later, on the night of \
						9 October, China returned more than 500 North Korean refugees, most of them women, out of sight \
						of the world.

						These returns have followed one another since North Korea started to lift its pandemic border \
						controls in August: Human Rights Watch counted 80 people returned on 29 August and another 40 on \
						18 September.

						China knows what those it returns are likely to face: torture, prison camps, even public \
						execution, and harsher treatment still for anyone found to have met Christians. So we keep \
						praying, and we keep asking.""",
				List.of("That China stops returning refugees to North Korea and answers for breaking its obligations under the UN Refugee Convention and its Protocol: that it recognises North Koreans who flee as refugees, or at least lets them travel safely to a third country.",
						"For the safety and freedom of everyone recently returned by the Chinese authorities, and of all who are held in North Korea's prison camps.",
						"That those who escape, among them many Christians, reach safety and refuge without being caught.",
						"For deep change in North Korea and China, and a future in which human rights are real for everyone."),
				petition, returns2023));
		log.info("Demo alerts loaded: 2 archived alerts, linked to petition {} and incidents {}", petition,
				returns2023);
	}

	private void archive(AlertContent content) {
		long id = alerts.save(Alert.archived(content,
				content.date().atTime(LocalTime.of(9, 0)).atZone(properties.zone()).toInstant(), "demo"));
		AlertDemoTranslations.ALERTS.getOrDefault(content.title(), Map.of())
			.forEach((language, fields) -> fields.forEach((field, text) -> translations
				.save(AlertContent.TRANSLATION_KIND, id, field, Locale.forLanguageTag(language), text, "demo")));
	}

	private static List<Long> incidentsOn(List<IncidentDirectory.IncidentSummary> all, LocalDate... days) {
		List<LocalDate> wanted = List.of(days);
		return all.stream()
			.filter(i -> wanted.contains(i.firstDay()))
			.map(IncidentDirectory.IncidentSummary::id)
			.toList();
	}

}
