package org.safepassage.cases.web;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.cases.domain.PublicCase;
import org.safepassage.shared.SpreadsheetCells;
import org.safepassage.system.SafePassageProperties;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Published cases as CSV and as an Atom feed: written from {@link PublicCase} only, like
 * every other public view of a case.
 */
@Component
class CasePublication {

	static final int FEED_ENTRIES = 50;

	static final String[] CSV_HEADER = { "pseudonym", "age_band", "gender", "situation", "situation_since",
			"last_heard_on", "story", "published_at", "url" };

	private final MessageSource messages;

	private final SafePassageProperties site;

	private final CaseReading reading;

	CasePublication(MessageSource messages, SafePassageProperties site, CaseReading reading) {
		this.messages = messages;
		this.site = site;
		this.reading = reading;
	}

	/**
	 * The original story, then one column per language a story may be translated into
	 * ({@code story_ko}...): the approved translation, empty where there is none.
	 */
	void csv(List<PublicCase> cases, Writer out) throws IOException {
		List<String> languages = this.reading.translationLanguages();
		List<String> header = new ArrayList<>(Arrays.asList(CSV_HEADER));
		languages.forEach(language -> header.add("story_" + language));
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (PublicCase c : cases) {
				List<String> row = new ArrayList<>(List.of(c.pseudonym(), name(c.ageBand()), name(c.gender()),
						name(c.situation()), text(c.situationSince()), text(c.lastHeardOn()), c.story(),
						text(c.publishedAt()), this.site.link(c.path())));
				languages.forEach(language -> row.add(c.storyTranslations().getOrDefault(language, "")));
				printer.printRecord(row.stream().map(SpreadsheetCells::protect).toList());
			}
		}
	}

	String atom(List<PublicCase> cases, Locale locale) {
		Feed feed = new Feed("atom_1.0");
		String self = this.site.link("/cases/feed.atom");
		feed.setId(self);
		feed.setTitle(this.messages.getMessage("cases.feed.title", null, locale));
		feed.setLanguage(locale.toLanguageTag());
		feed.setAlternateLinks(List.of(link("alternate", "text/html", this.site.link("/cases"))));
		feed.setOtherLinks(List.of(link("self", "application/atom+xml", self)));
		Person author = new Person();
		author.setName(this.messages.getMessage("site.name", null, locale));
		feed.setAuthors(List.<SyndPerson>of(author));
		Instant newest = Instant.EPOCH;
		List<Entry> entries = new ArrayList<>();
		for (PublicCase c : cases) {
			if (c.publishedAt().isAfter(newest)) {
				newest = c.publishedAt();
			}
			Entry entry = new Entry();
			entry.setId(this.site.link(c.path()));
			entry.setTitle(this.messages.getMessage("cases.feed.entryTitle",
					new Object[] { c.pseudonym(),
							this.messages.getMessage("cases.situation." + c.situation().name(), null, locale) },
					locale));
			entry.setPublished(Date.from(c.publishedAt()));
			entry.setUpdated(Date.from(c.publishedAt()));
			entry.setAlternateLinks(List.of(link("alternate", "text/html", this.site.link(c.path()))));
			Content content = new Content();
			content.setType("text");
			content.setValue(story(c, locale));
			entry.setContents(List.of(content));
			entries.add(entry);
		}
		feed.setUpdated(Date.from(newest));
		feed.setEntries(entries);
		try {
			return new WireFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Cannot write the cases feed", ex);
		}
	}

	/**
	 * The story in the reader's language; untranslated, the original under the note that
	 * says so.
	 */
	private String story(PublicCase c, Locale locale) {
		ContentTranslations.Localized local = this.reading.localize(c, locale);
		String story = local.text(CaseReading.STORY, c.story());
		return local.untranslated(CaseReading.STORY)
				? this.messages.getMessage("translations.notYet", null, locale) + "\n\n" + story : story;
	}

	private static String name(Enum<?> value) {
		return value == null ? "" : value.name();
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static Link link(String rel, String type, String href) {
		Link link = new Link();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

}
