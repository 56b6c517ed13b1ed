package org.safepassage.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.Chromium;
import org.safepassage.IntegrationTest;
import org.safepassage.system.security.StaffLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * axe-core (shipped in the test resources, never fetched) run in Chromium on every page a
 * visitor can reach by following links from the home page, in every language, and on
 * every staff page an admin reaches from the admin home, in every language: 0 violations
 * of WCAG 2.0, 2.1 and 2.2 at levels A and AA. Pages are found by crawling rather than
 * listed, so a page added later is checked without anyone remembering to add it; pages of
 * one shape (one petition, another petition) are checked once per language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest extends IntegrationTest {

	private static final List<String> LANGUAGES = List.of("en", "ko", "zh-Hans", "zh-Hant");

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	/** Links the crawler does not follow: downloads, feeds, APIs, state changes. */
	private static final Pattern SKIPPED = Pattern.compile(
			"^/(logout|api|actuator|webjars|css|js|images|fonts|v3)(/.*)?$|\\.(csv|xml|json|atom|pdf|png|svg|jpg|ico|txt)$|/feed(\\.atom)?$|/(export|download)(/.*)?$");

	private static final int PAGES_PER_LANGUAGE = 60;

	/**
	 * The staff pages in Korean and Chinese are the English pages' markup with other
	 * words: the first pages found from the admin home (every section's own page) show
	 * what a language changes, and the suite stays within its five minutes.
	 */
	private static final int STAFF_PAGES_PER_OTHER_LANGUAGE = 20;

	@LocalServerPort
	int port;

	@Autowired
	List<SecurityFilterChain> securityChains;

	@Autowired
	CsrfTokenRepository csrfTokens;

	@Autowired
	PasswordEncoder encoder;

	Chromium chromium;

	String axe;

	@BeforeAll
	void launch() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.chromium = Chromium.launch();
	}

	@AfterAll
	void close() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void everyPublicPageInEveryLanguageHasNoViolations() {
		List<String> problems = new ArrayList<>();
		Map<String, Integer> checked = new HashMap<>();
		for (String language : LANGUAGES) {
			try (BrowserContext context = this.chromium.browser()
				.newContext(new Browser.NewContextOptions().setLocale(language).setBypassCSP(true))) {
				Page page = context.newPage();
				page.navigate(base() + "/?lang=" + language);
				checked.put(language, crawl(page, "/", "/admin", problems, PAGES_PER_LANGUAGE));
			}
		}
		assertThat(checked.values()).allMatch(n -> n >= 8);
		assertThat(problems).as("axe-core violations (WCAG 2.2 AA) on public pages").isEmpty();
	}

	@Test
	void everyStaffPageHasNoViolations() {
		StaffLogins.undoMockMvcCsrf(this.securityChains, this.csrfTokens);
		StaffLogins.account(this.jdbc, this.encoder, "axe-admin@example.org", "axe admin password", "ADMIN");
		List<String> problems = new ArrayList<>();
		try (BrowserContext context = this.chromium.browser()
			.newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
			Page page = context.newPage();
			page.navigate(base() + "/login");
			check(page, problems);
			page.getByLabel("Email").fill("axe-admin@example.org");
			page.getByLabel("Password").fill("axe admin password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			page.waitForURL(url -> !url.contains("/login"));
			for (String language : LANGUAGES) {
				boolean english = "en".equals(language);
				int pages = crawl(page, english ? "/admin" : "/" + language + "/admin", null, problems,
						english ? PAGES_PER_LANGUAGE : STAFF_PAGES_PER_OTHER_LANGUAGE);
				assertThat(pages).as("staff pages checked in " + language).isGreaterThanOrEqualTo(10);
			}
		}
		assertThat(problems).as("axe-core violations (WCAG 2.2 AA) on staff pages").isEmpty();
	}

	/**
	 * Visits pages breadth-first from {@code start}, within {@code start}'s part of the
	 * site (and never into {@code excluded}), checking each; returns how many were
	 * checked.
	 */
	private int crawl(Page page, String start, String excluded, List<String> problems, int limit) {
		Deque<String> queue = new ArrayDeque<>(List.of(start));
		Set<String> seen = new LinkedHashSet<>(List.of(start));
		Set<String> shapes = new LinkedHashSet<>();
		int checked = 0;
		while (!queue.isEmpty() && checked < limit) {
			String path = queue.removeFirst();
			if (!shapes.add(shape(path))) {
				continue;
			}
			Response response;
			try {
				response = page.navigate(base() + path);
			}
			catch (PlaywrightException ex) {
				if (String.valueOf(ex.getMessage()).contains("Download is starting")) {
					continue;
				}
				throw ex;
			}
			if (response == null || response.status() >= 400
					|| !String.valueOf(response.headerValue("content-type")).startsWith("text/html")) {
				continue;
			}
			check(page, problems);
			checked++;
			for (Object href : (List<?>) page
				.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")) {
				String next = sameSitePath(String.valueOf(href));
				if (next != null && (excluded == null || !next.startsWith(excluded))
						&& (excluded != null || next.startsWith(start))
						&& !SKIPPED.matcher(next.replaceFirst("\\?.*$", "")).find() && seen.add(next)) {
					queue.addLast(next);
				}
			}
		}
		return checked;
	}

	private void check(Page page, List<String> problems) {
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(this.axe));
		}
		String options = "{resultTypes: ['violations'], runOnly: {type: 'tag', values: " + new Gson().toJson(WCAG)
				+ "}}";
		Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, " + options
				+ ")).violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).slice(0, 3)})))");
		JsonArray violations = JsonParser.parseString(String.valueOf(result)).getAsJsonArray();
		for (JsonElement element : violations) {
			JsonObject violation = element.getAsJsonObject();
			problems.add(page.url() + " [" + page.evaluate("() => document.documentElement.lang") + "] "
					+ violation.get("id").getAsString() + " (" + violation.get("help").getAsString() + "): "
					+ violation.get("nodes"));
		}
	}

	/**
	 * The path and query of a link to this site, or null for another site or a fragment.
	 */
	private String sameSitePath(String href) {
		URI uri = URI.create(href);
		if (!("localhost".equals(uri.getHost()) && uri.getPort() == this.port)) {
			return null;
		}
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

	/** Pages that differ only in ids or query values have one shape. */
	private static String shape(String path) {
		return path.replaceAll("/\\d+", "/{id}").replaceAll("=[^&]*", "=");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
