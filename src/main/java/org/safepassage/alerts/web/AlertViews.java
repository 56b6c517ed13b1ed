package org.safepassage.alerts.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.domain.AlertText;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.stereotype.Component;

/**
 * An alert as pages, the feed and mails show it: paragraphs, points and only the links
 * the public may follow.
 */
@Component
public class AlertViews {

	private final PetitionDirectory petitions;

	private final IncidentDirectory incidents;

	private final ContentTranslations translations;

	AlertViews(PetitionDirectory petitions, IncidentDirectory incidents, ContentTranslations translations) {
		this.petitions = petitions;
		this.incidents = incidents;
		this.translations = translations;
	}

	/**
	 * A page the alert links to, by its title in the reader's language where translated;
	 * {@code lang} is the title's language when it is shown untranslated.
	 */
	public record Linked(long id, String title, String path, String lang) {

		public Linked(long id, String title, String path) {
			this(id, title, path, null);
		}

	}

	/**
	 * An alert as shown; {@code untranslated}: a field the alert has (title, body, and
	 * its verse and points if any) is still in the language it was written in.
	 */
	public record AlertView(long id, String kind, String title, String date, String isoDate, String language,
			String verseText, String verseReference, List<String> paragraphs, List<String> points,
			List<Linked> petitions, List<Linked> incidents, String state, long prayed, boolean acceptsPrayers,
			Integer recipients, String path, ContentTranslations.Localized local, boolean untranslated) {

		/**
		 * The language of the page: the reader's when the alert is read in another
		 * language (each field then carries its own), the alert's otherwise.
		 */
		public String pageLanguage() {
			return local.translatable() ? null : language;
		}

	}

	/** The alert in the reader's language where staff translated it. */
	public AlertView view(AlertRepository.Stored stored, Locale locale) {
		Alert alert = stored.alert();
		return view(stored, locale,
				translations.localize(AlertTranslatable.KIND, alert.id(), locale, alert.content().language()));
	}

	/** The alert as written (staff pages, mails). */
	public AlertView original(AlertRepository.Stored stored, Locale locale) {
		Alert alert = stored.alert();
		return view(stored, locale, translations.localize(AlertTranslatable.KIND, alert.id(),
				Locale.forLanguageTag(alert.content().language()), alert.content().language()));
	}

	/**
	 * The alert as mailed in one language: the original, or the translation it went out
	 * with.
	 */
	public AlertView mailed(AlertRepository.Stored stored, AlertText text) {
		Locale locale = Locale.forLanguageTag(text.language());
		String writtenIn = stored.alert().content().language();
		return view(stored, locale, new ContentTranslations.Localized(text.fields(), !text.isOriginal(), writtenIn));
	}

	private AlertView view(AlertRepository.Stored stored, Locale locale, ContentTranslations.Localized local) {
		Alert alert = stored.alert();
		AlertContent c = alert.content();
		String points = local.text("points", null);
		return new AlertView(alert.id(), c.kind().name(), local.text("title", c.title()),
				c.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
				c.date().toString(), c.language(), c.hasVerse() ? local.text("verseText", c.verseText()) : null,
				c.hasVerse() ? local.text("verseReference", c.verseReference()) : null,
				paragraphs(local.text("body", c.body())), points == null ? c.points() : lines(points),
				publicPetitions(c.petitionIds(), locale), publishedIncidents(c.incidentIds(), locale),
				alert.state().name(), stored.prayed(), alert.acceptsPrayers(), stored.recipients(),
				"/alerts/" + alert.id(), local, local.untranslated(AlertText.required(c).toArray(String[]::new)));
	}

	static List<String> lines(String text) {
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	static List<String> paragraphs(String body) {
		return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	List<Linked> publicPetitions(List<Long> ids, Locale locale) {
		return ids.stream()
			.flatMap(id -> petitions.find(id, locale).stream())
			.filter(PetitionDirectory.PetitionSummary::publicState)
			.map(p -> new Linked(p.id(), p.title(), "/petitions/" + p.id(), p.lang()))
			.toList();
	}

	List<Linked> publishedIncidents(List<Long> ids, Locale locale) {
		return ids.stream()
			.flatMap(id -> incidents.find(id, locale).stream())
			.filter(IncidentDirectory.IncidentSummary::published)
			.map(i -> new Linked(i.id(), i.title(), "/evidence/incidents/" + i.id(), i.lang()))
			.toList();
	}

}
