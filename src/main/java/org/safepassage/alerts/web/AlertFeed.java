package org.safepassage.alerts.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.subscribers.AlertLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The Atom 1.0 feed of one language's public alerts, newest first. */
@Component
class AlertFeed {

	static final int ENTRIES = 30;

	private final AlertRepository alerts;

	private final AlertViews views;

	private final AlertLinks links;

	private final MessageSource messages;

	AlertFeed(AlertRepository alerts, AlertViews views, AlertLinks links, MessageSource messages) {
		this.alerts = alerts;
		this.views = views;
		this.links = links;
		this.messages = messages;
	}

	String atom(String language) {
		Locale locale = Locale.forLanguageTag(language);
		Feed feed = new Feed("atom_1.0");
		String selfUrl = links.link("/alerts/feed/" + language + ".atom");
		feed.setId(selfUrl);
		feed.setLanguage(language);
		feed.setTitle(messages.getMessage("alerts.feed.title", null, locale));
		feed.setAlternateLinks(
				List.of(link("alternate", "text/html", links.link("/alerts?language=" + language, locale))));
		feed.setOtherLinks(List.of(link("self", "application/atom+xml", selfUrl)));
		Person author = new Person();
		author.setName(messages.getMessage("site.name", null, locale));
		feed.setAuthors(List.<SyndPerson>of(author));
		List<Entry> entries = new ArrayList<>();
		Instant newest = Instant.EPOCH;
		for (AlertRepository.Stored stored : alerts.archive(language, ENTRIES, 0).alerts()) {
			Alert alert = stored.alert();
			AlertViews.AlertView view = views.view(stored, locale);
			Instant published = alert.sendingStartedAt() != null ? alert.sendingStartedAt() : alert.sentAt();
			Instant updated = alert.sentAt() != null ? alert.sentAt() : published;
			if (updated.isAfter(newest)) {
				newest = updated;
			}
			Entry entry = new Entry();
			entry.setId(links.link(view.path()));
			entry.setTitle(messages.getMessage("alerts.feed.entryTitle",
					new Object[] { messages.getMessage("alerts.kind." + view.kind(), null, locale), view.title() },
					locale));
			entry.setPublished(Date.from(published));
			entry.setUpdated(Date.from(updated));
			entry.setAlternateLinks(List.of(link("alternate", "text/html", links.link(view.path(), locale))));
			Content summary = new Content();
			summary.setType("text");
			summary.setValue(view.paragraphs().isEmpty() ? view.title() : view.paragraphs().getFirst());
			entry.setSummary(summary);
			Content content = new Content();
			content.setType("html");
			content.setValue(html(view, locale));
			entry.setContents(List.of(content));
			entries.add(entry);
		}
		feed.setUpdated(Date.from(newest));
		feed.setEntries(entries);
		try {
			return new WireFeedOutput().outputString(feed);
		}
		catch (FeedException e) {
			throw new IllegalStateException("Cannot write the alerts feed", e);
		}
	}

	private String html(AlertViews.AlertView view, Locale locale) {
		StringBuilder html = new StringBuilder();
		html.append("<p>").append(HtmlUtils.htmlEscape(view.date())).append("</p>");
		if (view.verseText() != null) {
			html.append("<blockquote><p>")
				.append(HtmlUtils.htmlEscape(view.verseText()))
				.append("</p><p>")
				.append(HtmlUtils.htmlEscape(view.verseReference()))
				.append("</p></blockquote>");
		}
		for (String paragraph : view.paragraphs()) {
			html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>");
		}
		if (!view.points().isEmpty()) {
			html.append("<p>")
				.append(HtmlUtils.htmlEscape(messages.getMessage("alerts.points." + view.kind(), null, locale)))
				.append("</p><ul>");
			view.points().forEach(p -> html.append("<li>").append(HtmlUtils.htmlEscape(p)).append("</li>"));
			html.append("</ul>");
		}
		return html.toString();
	}

	private static Link link(String rel, String type, String href) {
		Link link = new Link();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

}
