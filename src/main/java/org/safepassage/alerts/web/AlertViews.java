package org.safepassage.alerts.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.petitions.PetitionDirectory;
import org.springframework.stereotype.Component;

/**
 * An alert as pages, the feed and mails show it: paragraphs, points and only the links
 * the public may follow.
 */
@Component
public class AlertViews {

	private final PetitionDirectory petitions;

	private final IncidentDirectory incidents;

	AlertViews(PetitionDirectory petitions, IncidentDirectory incidents) {
		this.petitions = petitions;
		this.incidents = incidents;
	}

	public record Linked(long id, String title, String path) {
	}

	public record AlertView(long id, String kind, String title, String date, String isoDate, String language,
			String verseText, String verseReference, List<String> paragraphs, List<String> points,
			List<Linked> petitions, List<Linked> incidents, String state, long prayed, boolean acceptsPrayers,
			Integer recipients, String path) {
	}

	public AlertView view(AlertRepository.Stored stored, Locale locale) {
		Alert alert = stored.alert();
		AlertContent c = alert.content();
		return new AlertView(alert.id(), c.kind().name(), c.title(),
				c.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
				c.date().toString(), c.language(), c.hasVerse() ? c.verseText() : null,
				c.hasVerse() ? c.verseReference() : null, paragraphs(c.body()), c.points(),
				publicPetitions(c.petitionIds()), publishedIncidents(c.incidentIds()), alert.state().name(),
				stored.prayed(), alert.acceptsPrayers(), stored.recipients(), "/alerts/" + alert.id());
	}

	static List<String> paragraphs(String body) {
		return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	List<Linked> publicPetitions(List<Long> ids) {
		return ids.stream()
			.flatMap(id -> petitions.find(id).stream())
			.filter(PetitionDirectory.PetitionSummary::publicState)
			.map(p -> new Linked(p.id(), p.title(), "/petitions/" + p.id()))
			.toList();
	}

	List<Linked> publishedIncidents(List<Long> ids) {
		return ids.stream()
			.flatMap(id -> incidents.find(id).stream())
			.filter(IncidentDirectory.IncidentSummary::published)
			.map(i -> new Linked(i.id(), i.title(), "/evidence/incidents/" + i.id()))
			.toList();
	}

}
