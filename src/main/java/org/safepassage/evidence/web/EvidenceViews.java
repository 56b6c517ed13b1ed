package org.safepassage.evidence.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReconciledFigure;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.evidence.domain.SourceReport;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.shared.Countries;
import org.safepassage.shared.LocalDates;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Incidents, reports and estimates as text in the reader's language, ready for templates.
 */
@Component
class EvidenceViews {

	private final MessageSource messages;

	private final ContentTranslations translations;

	EvidenceViews(MessageSource messages, ContentTranslations translations) {
		this.messages = messages;
		this.translations = translations;
	}

	record IncidentView(long id, String title, String kind, String date, String place, String placePrecision,
			String departure, String returnTo, String summary, List<String> tags, boolean published, String figure,
			String range, boolean known, String best, boolean overridden, String overrideNote, String basis,
			int unreadable, List<ReportView> reports, ContentTranslations.Localized local) {

		/**
		 * Whether the title or summary, or a report's words, are still in the original
		 * language: the page says so once.
		 */
		public boolean untranslated() {
			return local.untranslated("title", "summary") || reports.stream().anyMatch(ReportView::untranslated);
		}

	}

	/**
	 * A source's report with its title, quote and note in the reader's language where
	 * translated; the figure as the source wrote it is never translated.
	 */
	record ReportView(long id, String organisation, String title, String url, String publishedOn, String figure,
			String reading, boolean readable, boolean manual, String quote, String reliability, String note,
			ContentTranslations.Localized local) {

		/**
		 * The {@code lang} of the figure as reported: the original's for another reader.
		 */
		public String figureLang() {
			return local.translatable() ? local.originalLanguage() : null;
		}

		/**
		 * Whether a field shown (title, quote, note) is still in the original language.
		 */
		public boolean untranslated() {
			return local.untranslated("title") || quote != null && local.lang("quote") != null
					|| note != null && local.lang("note") != null;
		}

	}

	record EstimateView(long id, String statement, String measure, String rate, String period, String figure,
			String reading, boolean readable, String organisation, String sourceTitle, String url, String publishedOn,
			String quote, String note, boolean published, ContentTranslations.Localized local) {

		/**
		 * The {@code lang} of the figure as the source wrote it ("around 4,000"), which
		 * is never translated: the original's for a reader of another language.
		 */
		public String figureLang() {
			return local.translatable() ? local.originalLanguage() : null;
		}

		/**
		 * Whether a field shown (statement, source title, quote, note) is still in the
		 * original language.
		 */
		public boolean untranslated() {
			return local.untranslated("statement", "sourceTitle") || quote != null && local.lang("quote") != null
					|| note != null && local.lang("note") != null;
		}

	}

	/**
	 * The incident with its title and summary in the reader's language where translated.
	 */
	IncidentView incident(EvidenceCatalogue.Listed listed, Locale locale) {
		return incident(listed, locale, translations.localize(IncidentContent.TRANSLATION_KIND, listed.id(), locale),
				locale);
	}

	/** The incident as researchers wrote it (staff pages). */
	IncidentView original(EvidenceCatalogue.Listed listed, Locale locale) {
		return incident(listed, locale, translations.localize(IncidentContent.TRANSLATION_KIND, listed.id(), null),
				null);
	}

	/**
	 * @param readIn the language the reports are read in ({@code null}: as written)
	 */
	private IncidentView incident(EvidenceCatalogue.Listed listed, Locale locale, ContentTranslations.Localized local,
			Locale readIn) {
		IncidentContent c = listed.content();
		ReconciledFigure f = listed.figure();
		return new IncidentView(listed.id(), local.text("title", c.title()),
				message("evidence.kind." + c.kind().name(), locale), c.date().text(locale), c.place(),
				message("evidence.placePrecision." + c.placePrecision().name(), locale),
				Countries.name(c.departureCountry(), locale), Countries.name(c.returnCountry(), locale),
				local.text("summary", c.summary()), c.tags(), listed.incident().published(), f.text(messages, locale),
				f.range(locale), f.known(), f.known() ? NumberFormat.getIntegerInstance(locale).format(f.best()) : "",
				f.overridden(), f.overrideNote(),
				f.basis() == null ? null : message("evidence.reliability." + f.basis().name(), locale), f.unreadable(),
				listed.reports().stream().map(r -> report(r, locale, readIn)).toList(), local);
	}

	private ReportView report(SourceReport report, Locale locale, Locale readIn) {
		ReportContent c = report.content();
		ContentTranslations.Localized local = reportLocal(report.id(), readIn);
		return new ReportView(report.id(), c.organisation(), local.text("title", c.title()), c.url(),
				day(c.publishedOn(), locale), c.figure().text(), reading(c.figure(), locale), c.figure().readable(),
				c.figure().coding() == ReportedFigure.Coding.MANUAL,
				c.quote() == null ? null : local.text("quote", c.quote()),
				message("evidence.reliability." + c.reliability().name(), locale),
				c.note() == null ? null : local.text("note", c.note()), local);
	}

	/**
	 * A report's translations in a language. A list shows many reports, most of them not
	 * translated: the kind's list of translated records (one query per language, kept in
	 * memory) spares a query per report.
	 */
	private ContentTranslations.Localized reportLocal(long id, Locale readIn) {
		if (readIn != null && translations.languages().contains(readIn)
				&& !translations.translatedFields(ReportContent.TRANSLATION_KIND, readIn).containsKey(id)) {
			return new ContentTranslations.Localized(Map.of(), true, translations.originalLanguage().toLanguageTag());
		}
		return translations.localize(ReportContent.TRANSLATION_KIND, id, readIn);
	}

	/**
	 * The estimate with its statement, source title, quote and note in the reader's
	 * language where translated.
	 */
	EstimateView estimate(Estimate estimate, Locale locale) {
		return estimate(estimate, locale,
				translations.localize(EstimateContent.TRANSLATION_KIND, estimate.id(), locale));
	}

	/** The estimate as researchers wrote it (staff pages). */
	EstimateView originalEstimate(Estimate estimate, Locale locale) {
		return estimate(estimate, locale, translations.localize(EstimateContent.TRANSLATION_KIND, estimate.id(), null));
	}

	private EstimateView estimate(Estimate estimate, Locale locale, ContentTranslations.Localized local) {
		EstimateContent c = estimate.content();
		// A translated quote or note of an estimate that has none in the original is not
		// shown: the original decides which parts there are.
		return new EstimateView(estimate.id(), local.text("statement", c.statement()),
				message("evidence.measure." + c.measure().name(), locale),
				message("evidence.rate." + c.rate().name(), locale), c.period().text(locale), c.figure().text(),
				reading(c.figure(), locale), c.figure().readable(), c.organisation(),
				local.text("sourceTitle", c.sourceTitle()), c.url(), day(c.publishedOn(), locale),
				c.quote() == null ? null : local.text("quote", c.quote()),
				c.note() == null ? null : local.text("note", c.note()), estimate.state() == IncidentState.PUBLISHED,
				local);
	}

	/**
	 * How a figure was read: "500–600", "500 or more", or that a researcher must read it.
	 */
	String reading(ReportedFigure figure, Locale locale) {
		if (!figure.readable()) {
			return message("evidence.reading.unreadable", locale);
		}
		NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
		if (figure.high() == null) {
			return messages.getMessage("evidence.reading.atLeast", new Object[] { numbers.format(figure.low()) },
					locale);
		}
		return figure.low().equals(figure.high()) ? numbers.format(figure.low())
				: numbers.format(figure.low()) + "–" + numbers.format(figure.high());
	}

	private static String day(LocalDate day, Locale locale) {
		return LocalDates.day(day, locale);
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
