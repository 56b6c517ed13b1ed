package org.safepassage.cases.web;

import java.util.List;
import java.util.Locale;

import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.cases.domain.PublicCase;
import org.safepassage.cases.domain.Situation;
import org.safepassage.cases.store.CaseRepository;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.validation.EnumNames;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published cases as JSON: {@link PublicCase} only, the same fields as the pages, the
 * story in the reader's language ({@code ?language=ko}, else the reader's own: cookie,
 * Accept-Language) where an approved translation exists.
 */
@RestController
@RequestMapping("/api/cases")
class CaseApiController {

	private final CaseRepository cases;

	private final CasesProperties properties;

	private final CaseReading reading;

	private final CaseViews views;

	CaseApiController(CaseRepository cases, CasesProperties properties, CaseReading reading, CaseViews views) {
		this.cases = cases;
		this.properties = properties;
		this.reading = reading;
		this.views = views;
	}

	/** One page of published cases. */
	record CasePage(List<CaseJson> cases, long total, int page, int pageSize) {
	}

	@GetMapping
	ResponseEntity<CasePage> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String situation, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String language, Locale locale) {
		Locale reader = this.reading.language(language, locale);
		int pageNumber = Math.max(0, Math.min(page, 10_000));
		int size = this.properties.pageSize();
		CaseRepository.Page found = this.cases.published(CasePageController.query(q),
				EnumNames.find(Situation.class, situation).orElse(null), size, pageNumber * size);
		PublicLinks links = this.views.publicLinks();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new CasePage(found.cases().stream().map(c -> CaseJson.of(c, reader, this.reading, links)).toList(),
					found.total(), pageNumber, size));
	}

	@GetMapping("/{slug}")
	ResponseEntity<CaseJson> one(@PathVariable String slug, @RequestParam(required = false) String language,
			Locale locale) {
		PublicCase found = this.cases.published(slug).orElseThrow(() -> new NotFoundException("No case " + slug));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(CaseJson.of(found, this.reading.language(language, locale), this.reading, this.views.publicLinks()));
	}

}
