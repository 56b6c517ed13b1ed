package org.safepassage.evidence.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.evidence.csv.CsvImport;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.evidence.store.EvidenceEditing;
import org.safepassage.evidence.store.IncidentRepository;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.shared.DemoData;
import org.safepassage.system.translations.ContentTranslations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with no incident, records the 2023 returns of North Koreans from China
 * and Release International's estimates (with their translations), from the reports
 * behind the demo campaign, and links them to its petition. The incidents and their
 * reports are a CSV file in the import format ({@value #INCIDENTS}), read by the
 * researchers' own import; it has no petition ids, as those differ per database, so every
 * incident is linked to the petition {@link PetitionDirectory#demoCampaign()} names. The
 * import has no estimates; the two are written here.
 */
@Component
@Order(20)
@DemoData
class EvidenceDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EvidenceDemo.class);

	static final String INCIDENTS = "demo/evidence/incidents.csv";

	static final String RELEASE = "Release International";

	private final IncidentRepository incidents;

	private final CsvImport csvImport;

	private final EvidenceEditing editing;

	private final PetitionDirectory petitions;

	private final IncidentDirectory directory;

	private final ContentTranslations translations;

	private final EvidenceCatalogue catalogue;

	EvidenceDemo(IncidentRepository incidents, CsvImport csvImport, EvidenceEditing editing,
			PetitionDirectory petitions, IncidentDirectory directory, ContentTranslations translations,
			EvidenceCatalogue catalogue) {
		this.catalogue = catalogue;
		this.directory = directory;
		this.translations = translations;
		this.incidents = incidents;
		this.csvImport = csvImport;
		this.editing = editing;
		this.petitions = petitions;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.incidents.isEmpty()) {
			return;
		}
		List<Long> linked = this.petitions.demoCampaign().map(PetitionDirectory.PetitionSummary::id).stream().toList();
		CsvImport.Plan plan = this.csvImport.check(read(INCIDENTS), Locale.ENGLISH);
		if (!plan.importable()) {
			throw new IllegalStateException(INCIDENTS + " cannot be imported: " + plan.problems());
		}
		int imported = this.csvImport.importAll(plan.linkedTo(linked), "demo");
		for (IncidentDirectory.IncidentSummary incident : this.directory.all()) {
			EvidenceDemoTranslations.INCIDENTS.getOrDefault(incident.title(), Map.of())
				.forEach((language, fields) -> fields
					.forEach((field, text) -> this.translations.save(IncidentContent.TRANSLATION_KIND, incident.id(),
							field, Locale.forLanguageTag(language), text, "demo")));
			this.catalogue.incident(incident.id(), true)
				.ifPresent(listed -> listed.reports()
					.forEach(report -> EvidenceDemoTranslations.REPORTS.getOrDefault(report.content().title(), Map.of())
						.forEach((language, fields) -> fields
							.forEach((field, text) -> this.translations.save(ReportContent.TRANSLATION_KIND,
									report.id(), field, Locale.forLanguageTag(language), text, "demo")))));
		}

		long perYear = this.editing.createEstimate(new EstimateContent("North Koreans returned by China each year",
				Estimate.Measure.RETURNED, Estimate.Rate.PER_YEAR, FuzzyDate.year(Year.of(2009)),
				ReportedFigure.parse("around 4,000"), RELEASE,
				"Release International on its petition to the Chinese Embassy in London", null, null, null,
				"Stated when the petition was delivered, around the 2009 World Watch List; the period is approximate."),
				IncidentState.PUBLISHED, linked, "demo");
		long crossed = this.editing.createEstimate(
				new EstimateContent("North Koreans who crossed into China over ten years", Estimate.Measure.CROSSED,
						Estimate.Rate.TOTAL,
						new FuzzyDate(DatePrecision.RANGE, LocalDate.of(1999, 1, 1), LocalDate.of(2009, 12, 31)),
						ReportedFigure.parse("at least 500,000"), RELEASE,
						"Release International on its petition to the Chinese Embassy in London", null, null, null,
						"People who crossed, not people returned; the ten years are approximate."),
				IncidentState.PUBLISHED, linked, "demo");
		translate(perYear, "North Koreans returned by China each year");
		translate(crossed, "North Koreans who crossed into China over ten years");
		log.info("Demo evidence loaded: {} incidents and 2 estimates, linked to petition {}", imported, linked);
	}

	private void translate(long estimate, String statement) {
		EvidenceDemoTranslations.ESTIMATES.get(statement)
			.forEach((language, fields) -> fields
				.forEach((field, text) -> this.translations.save(EstimateContent.TRANSLATION_KIND, estimate, field,
						Locale.forLanguageTag(language), text, "demo")));
	}

	private static byte[] read(String path) {
		try {
			return new ClassPathResource(path).getContentAsByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
