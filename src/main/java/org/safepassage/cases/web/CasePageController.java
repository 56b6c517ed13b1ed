package org.safepassage.cases.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.cases.domain.PublicCase;
import org.safepassage.cases.domain.Situation;
import org.safepassage.cases.store.CaseRepository;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of published cases: the list with its search, one case, the CSV and
 * the Atom feed. Each reads the approved copy only and is not cached, so a withdrawn case
 * is gone from all of them at once.
 */
@Controller
class CasePageController {

	static final int MAX_QUERY = 100;

	private final CaseRepository cases;

	private final CaseViews views;

	private final CasePublication publication;

	private final CasesProperties properties;

	private final CaseReading reading;

	CasePageController(CaseRepository cases, CaseViews views, CasePublication publication, CasesProperties properties,
			CaseReading reading) {
		this.cases = cases;
		this.views = views;
		this.publication = publication;
		this.properties = properties;
		this.reading = reading;
	}

	@GetMapping("/cases")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String situation,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		int pageNumber = Math.max(0, Math.min(page, 10_000));
		String query = query(q);
		Situation chosen = EnumNames.find(Situation.class, situation).orElse(null);
		int size = this.properties.pageSize();
		CaseRepository.Page found = this.cases.published(query, chosen, size, pageNumber * size);
		noStore(response);
		model.addAttribute("cases", found.cases());
		model.addAttribute("total", found.total());
		model.addAttribute("q", query);
		model.addAttribute("situation", chosen == null ? "" : chosen.name());
		model.addAttribute("situations", Situation.values());
		model.addAttribute("previousPage", pageNumber > 0 ? pageNumber - 1 : null);
		model.addAttribute("nextPage", (long) (pageNumber + 1) * size < found.total() ? pageNumber + 1 : null);
		return "cases/list";
	}

	@GetMapping("/cases/{slug:[a-z0-9]{10}}")
	String show(@PathVariable String slug, Model model, Locale locale, HttpServletResponse response) {
		PublicCase found = this.cases.published(slug).orElseThrow(() -> new NotFoundException("No case " + slug));
		noStore(response);
		ContentTranslations.Localized local = this.reading.localize(found, locale);
		model.addAttribute("case", found);
		model.addAttribute("local", local);
		model.addAttribute("paragraphs", paragraphs(local.text(CaseReading.STORY, found.story())));
		model.addAttribute("links", this.views.links(found.links(), true, locale));
		return "cases/show";
	}

	@GetMapping("/cases.csv")
	void csv(HttpServletResponse response) throws IOException {
		noStore(response);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"cases.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.publication.csv(this.cases.published(this.properties.pageSize() * 100), response.getWriter());
	}

	@GetMapping("/cases/feed.atom")
	ResponseEntity<String> atom(Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.cacheControl(CacheControl.noStore())
			.body(this.publication.atom(this.cases.published(CasePublication.FEED_ENTRIES), locale));
	}

	static String query(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		String query = q.strip();
		return query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
	}

	static List<String> paragraphs(String story) {
		return Arrays.stream(story.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}

}
