package org.safepassage.evidence.demo;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.PlacePrecision;
import org.safepassage.evidence.domain.Reliability;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.evidence.store.EvidenceEditing;
import org.safepassage.evidence.store.IncidentRepository;
import org.safepassage.petitions.PetitionDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with no incident, records the 2023 returns of North Koreans from China
 * and Release International's estimates, from the reports behind the demo campaign, and
 * links them to its petition.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "safepassage.demo.enabled", havingValue = "true", matchIfMissing = true)
class EvidenceDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EvidenceDemo.class);

	static final String DEMO_PETITION_PREFIX = "Recognise North Koreans";

	static final String HRW = "Human Rights Watch";

	static final String CSW = "Christian Solidarity Worldwide (CSW)";

	static final String OPEN_DOORS = "Open Doors UK & Ireland";

	static final String RELEASE = "Release International";

	private static final String CITED_IN_ALERT = "Figure as cited in a prayer alert of 23 November 2023.";

	private final IncidentRepository incidents;

	private final EvidenceEditing editing;

	private final PetitionDirectory petitions;

	EvidenceDemo(IncidentRepository incidents, EvidenceEditing editing, PetitionDirectory petitions) {
		this.incidents = incidents;
		this.editing = editing;
		this.petitions = petitions;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!incidents.isEmpty()) {
			return;
		}
		List<Long> linked = petitions.all()
			.stream()
			.filter(p -> p.title().startsWith(DEMO_PETITION_PREFIX))
			.limit(1)
			.map(PetitionDirectory.PetitionSummary::id)
			.toList();

		long august = incident(LocalDate.of(2023, 8, 29), "China returns 80 North Koreans as the border reopens",
				"Weeks after North Korea began lifting its pandemic border controls, Chinese authorities sent about eighty "
						+ "people who had fled North Korea back across the border.",
				linked);
		report(august, HRW, "Returns of North Korean refugees from China (as cited)", "80", null, CITED_IN_ALERT);

		long september = incident(LocalDate.of(2023, 9, 18), "A further 40 North Koreans returned from China",
				"A smaller group of North Koreans held in China was handed back, three weeks after the August returns.",
				linked);
		report(september, HRW, "Returns of North Korean refugees from China (as cited)", "40", null, CITED_IN_ALERT);

		long october = incident(LocalDate.of(2023, 10, 9), "Hundreds of North Koreans returned from China overnight",
				"On the night of 9 October the largest group since the border reopened was sent back, most of them "
						+ "women. Sources differ on the number: more than 500, or 600.",
				linked);
		report(october, CSW, "North Korean refugees forcibly returned from China (as cited)", "over 500", null,
				"CSW's Founder President is quoted on the returns. " + CITED_IN_ALERT);
		report(october, OPEN_DOORS, "China sends hundreds of North Korean refugees back to extreme danger", "600",
				LocalDate.of(2023, 10, 20), "Article quoting Timothy Cho, an escapee and Open Doors spokesperson.");

		editing.createEstimate(new EstimateContent("North Koreans returned by China each year",
				Estimate.Measure.RETURNED, Estimate.Rate.PER_YEAR, FuzzyDate.year(Year.of(2009)),
				ReportedFigure.parse("around 4,000"), RELEASE,
				"Release International on its petition to the Chinese Embassy in London", null, null, null,
				"Stated when the petition was delivered, around the 2009 World Watch List; the period is approximate."),
				IncidentState.PUBLISHED, linked, "demo");
		editing.createEstimate(
				new EstimateContent("North Koreans who crossed into China over ten years", Estimate.Measure.CROSSED,
						Estimate.Rate.TOTAL,
						new FuzzyDate(DatePrecision.RANGE, LocalDate.of(1999, 1, 1), LocalDate.of(2009, 12, 31)),
						ReportedFigure.parse("at least 500,000"), RELEASE,
						"Release International on its petition to the Chinese Embassy in London", null, null, null,
						"People who crossed, not people returned; the ten years are approximate."),
				IncidentState.PUBLISHED, linked, "demo");
		log.info("Demo evidence loaded: 3 incidents and 2 estimates, linked to petition {}", linked);
	}

	private long incident(LocalDate day, String title, String summary, List<Long> petitionIds) {
		IncidentContent content = new IncidentContent(IncidentKind.FORCED_REPATRIATION, title, FuzzyDate.day(day),
				"China", PlacePrecision.COUNTRY, "CN", "KP", summary, List.of("North Korea", "China", "2023 returns"));
		return editing.createIncident(content, petitionIds, IncidentState.PUBLISHED, "demo");
	}

	private void report(long incidentId, String organisation, String title, String figure, LocalDate publishedOn,
			String note) {
		editing.addReport(incidentId, new ReportContent(organisation, title, null, publishedOn,
				ReportedFigure.parse(figure), null, Reliability.RELIABLE, note), "demo");
	}

}
