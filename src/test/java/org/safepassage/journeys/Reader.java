package org.safepassage.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.safepassage.MailParts;
import org.springframework.context.MessageSource;

/**
 * One reader of one language walking the site: what they must see (messages in their
 * language, looked up rather than copied, so a reworded translation does not break the
 * walk), and the checks made on every page and mail they meet. Problems are collected,
 * not thrown, so one run lists every English sentence a Korean reader would meet.
 */
final class Reader {

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>)]+");

	/**
	 * The page's visible text, block by block (one line per block, inline elements joined
	 * with spaces), with the document title and the text of labels a screen reader reads
	 * (aria-label, alt, title, placeholder, button values, options). Text inside an
	 * element whose {@code lang} is not the page's (content shown in its original
	 * language, marked as such) is returned apart, in {@code foreign}.
	 */
	private static final String VISIBLE_TEXT = """
			() => {
			  const pageLang = document.documentElement.lang;
			  const own = [document.title];
			  const foreign = [];
			  const blocks = new Map();
			  const blockOf = (el) => {
			    while (el && el !== document.body && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
			    return el;
			  };
			  const langOf = (el) => { const l = el.closest('[lang]'); return l ? l.lang : pageLang; };
			  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			    const el = node.parentElement;
			    // A textarea holds what the reader writes (a letter to a UK representative is written in English).
			    // translate="no" marks names (a case's pseudonym) that stay as written in every language.
			    if (!el || el.closest('script,style,noscript,template,textarea,[translate=no]') || !el.checkVisibility()) continue;
			    const text = node.textContent.replace(/\\s+/g, ' ').trim();
			    if (!text) continue;
			    if (langOf(el) !== pageLang) { foreign.push(langOf(el) + ': ' + text); continue; }
			    const block = blockOf(el);
			    blocks.set(block, (blocks.get(block) || '') + ' ' + text);
			  }
			  own.push(...blocks.values());
			  for (const el of document.querySelectorAll('[aria-label],[alt],[title],[placeholder],input[type=submit],input[type=button],option')) {
			    if (langOf(el) !== pageLang) continue;
			    for (const a of ['aria-label', 'alt', 'title', 'placeholder']) if (el.getAttribute(a)) own.push(el.getAttribute(a));
			    if (el.tagName === 'INPUT') own.push(el.value);
			    if (el.tagName === 'OPTION') own.push(el.textContent);
			  }
			  return JSON.stringify({lang: pageLang, own: own.join('\\n'), foreign: foreign,
			    untranslatedNote: !!document.querySelector('.untranslated'),
			    headingLang: (() => { const h = document.querySelector('h1'); return h ? langOf(h) : pageLang; })()});
			}""";

	final Locale locale;

	/** {@code /ko}: the prefix the reader's links carry. */
	final String prefix;

	private final MessageSource messages;

	private final String axe;

	private final List<String> problems = new ArrayList<>();

	private final List<String> originals = new ArrayList<>();

	private int pagesChecked;

	/**
	 * @param axe axe-core's script, or null for a walk whose pages another language's
	 * walk has run through it already
	 */
	Reader(Locale locale, MessageSource messages, String axe) {
		this.locale = locale;
		this.prefix = "/" + locale.toLanguageTag();
		this.messages = messages;
		this.axe = axe;
	}

	/** The message as the reader sees it. */
	String t(String key, Object... args) {
		return this.messages.getMessage(key, args, this.locale);
	}

	/**
	 * Checks the page in front of the reader: {@code <html lang>}, no English sentence
	 * outside content marked as in another language, the "not yet translated" note where
	 * the page's own content is shown in its original, and no axe-core violation of WCAG
	 * 2.2 AA.
	 * @param names proper names the page may show in Latin letters
	 */
	void checkPage(Page page, String where, String... names) {
		readPage(page, where, names);
		axe(page, where);
	}

	/**
	 * As {@link #checkPage} without axe-core, for pages the crawling accessibility test
	 * already checks in every language (those reached by links alone).
	 */
	void readPage(Page page, String where, String... names) {
		this.pagesChecked++;
		// What htmx fetches on load (the parliamentary record) is part of the page.
		Locator slot = page.locator(".parliamentary-record-slot");
		if (slot.count() > 0) {
			slot.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
		}
		String lang = String.valueOf(page.evaluate("() => document.documentElement.lang"));
		if (!lang.equals(this.locale.toLanguageTag())) {
			this.problems.add(where + ": <html lang=\"" + lang + "\">, expected " + this.locale.toLanguageTag());
		}
		JsonObject text = JsonParser.parseString(String.valueOf(page.evaluate(VISIBLE_TEXT))).getAsJsonObject();
		for (String run : ReadableIn.englishRuns(text.get("own").getAsString(), Arrays.asList(names))) {
			this.problems.add(where + " (" + page.url() + "): English on the page: \"" + run + "\"");
		}
		for (JsonElement original : text.getAsJsonArray("foreign")) {
			this.originals.add(where + ": " + original.getAsString());
		}
		if (!text.get("headingLang").getAsString().equals(lang) && !text.get("untranslatedNote").getAsBoolean()) {
			this.problems.add(where + ": the heading is in " + text.get("headingLang").getAsString()
					+ " but the page has no \"not yet translated\" note");
		}
	}

	private void axe(Page page, String where) {
		if (this.axe == null) {
			return;
		}
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(this.axe));
		}
		String options = "{runOnly: {type: 'tag', values: " + new Gson().toJson(WCAG) + "}}";
		Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, " + options
				+ ")).violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)})))");
		JsonArray violations = JsonParser.parseString(String.valueOf(result)).getAsJsonArray();
		for (JsonElement violation : violations) {
			this.problems.add(where + " (" + page.url() + "): axe " + violation);
		}
	}

	/**
	 * Waits for the {@code count}th mail to {@code address} and checks it: subject and
	 * both bodies free of English sentences, and every link to the site in the reader's
	 * language (its address prefix).
	 * @return the mail's text body
	 */
	String mail(GreenMail server, String address, int count, String where, String... names) throws Exception {
		await().atMost(Duration.ofSeconds(15)).until(() -> to(server, address).size() >= count);
		MimeMessage mail = to(server, address).get(count - 1);
		String subject = mail.getSubject();
		String text = MailParts.text(mail);
		String html = MailParts.html(mail);
		List<String> allowed = Arrays.asList(names);
		for (String run : ReadableIn.englishRuns(subject, allowed)) {
			this.problems.add(where + " mail: English in the subject: \"" + run + "\"");
		}
		for (String run : ReadableIn.englishRuns(text, allowed)) {
			this.problems.add(where + " mail: English in the text: \"" + run + "\"");
		}
		String htmlText = html.replaceAll("(?s)<(style|head)[^>]*>.*?</\\1>", " ")
			.replaceAll("<[^>]+>", "\n")
			.replace("&amp;", "&")
			.replace("&nbsp;", " ")
			.replace("&#39;", "'");
		for (String run : ReadableIn.englishRuns(htmlText, allowed)) {
			this.problems.add(where + " mail: English in the HTML: \"" + run + "\"");
		}
		if (!html.contains("lang=\"" + this.locale.toLanguageTag() + "\"")) {
			this.problems.add(where + " mail: the HTML part does not say lang=\"" + this.locale.toLanguageTag() + "\"");
		}
		for (String link : links(text)) {
			String path = URI.create(link).getRawPath();
			if (!path.startsWith(this.prefix + "/")) {
				this.problems.add(where + " mail: a link without " + this.prefix + ": " + link);
			}
		}
		return text;
	}

	/** The path and query of the first link in {@code text} whose path contains it. */
	static String path(String text, String contains) {
		return links(text).stream()
			.map(URI::create)
			.filter(u -> u.getRawPath().contains(contains))
			.map(u -> u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no link to " + contains + " in:\n" + text));
	}

	private static List<String> links(String text) {
		List<String> links = new ArrayList<>();
		Matcher link = LINK.matcher(text);
		while (link.find()) {
			links.add(link.group());
		}
		return links;
	}

	private static List<MimeMessage> to(GreenMail server, String address) {
		return Arrays.stream(server.getReceivedMessages()).filter(m -> {
			try {
				for (Address a : m.getAllRecipients()) {
					if (((InternetAddress) a).getAddress().equalsIgnoreCase(address)) {
						return true;
					}
				}
				return false;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Fails with every problem met on the walk, naming the page or mail of each. */
	void assertReadable(int atLeastPages) {
		Map<String, Object> summary = Map.of("pages", this.pagesChecked, "originals", this.originals);
		System.out.println("Walk in " + this.locale.toLanguageTag() + ": " + summary);
		assertThat(this.pagesChecked).isGreaterThanOrEqualTo(atLeastPages);
		assertThat(this.problems)
			.as("what a reader of %s met that is not in their language or not accessible", this.locale.toLanguageTag())
			.isEmpty();
	}

}
