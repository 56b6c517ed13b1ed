package org.safepassage.evidence.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.evidence.store.ReportRepository;
import org.safepassage.system.translations.TranslatableKind;
import org.springframework.stereotype.Component;

/**
 * What researchers translate of a source's report: its title, the quote and the note. The
 * organisation's name stays as it spells itself; the figure is shown as the source wrote
 * it, beside its reading in the reader's numbers.
 */
@Component
class ReportTranslatable implements TranslatableKind {

	private static final List<Field> FIELDS = List.of(new Field("title", "evidence.form.reportTitle", 300, false),
			new Field("quote", "evidence.form.quote", 1000, true), new Field("note", "evidence.form.note", 2000, true));

	private final ReportRepository reports;

	private final EvidenceCatalogue catalogue;

	ReportTranslatable(ReportRepository reports, EvidenceCatalogue catalogue) {
		this.reports = reports;
		this.catalogue = catalogue;
	}

	@Override
	public String kind() {
		return ReportContent.TRANSLATION_KIND;
	}

	@Override
	public List<Field> fields() {
		return FIELDS;
	}

	@Override
	public Optional<Map<String, String>> originals(long id) {
		return reports.find(id).map(report -> {
			ReportContent c = report.content();
			Map<String, String> originals = new LinkedHashMap<>();
			originals.put("title", c.title());
			originals.put("quote", c.quote() == null ? "" : c.quote());
			originals.put("note", c.note() == null ? "" : c.note());
			return Map.copyOf(originals);
		});
	}

	@Override
	public String title(long id) {
		return reports.find(id)
			.map(report -> report.content().organisation() + ": " + report.content().title())
			.orElse("");
	}

	@Override
	public String publicPath(long id) {
		return reports.find(id)
			.filter(report -> catalogue.incident(report.incidentId(), false).isPresent())
			.map(report -> "/evidence/incidents/" + report.incidentId())
			.orElse(null);
	}

	@Override
	public String adminPath(long id) {
		return "/admin/evidence/reports/" + id + "/edit";
	}

	@Override
	public List<String> requiredRoles() {
		return List.of("ADMIN", "RESEARCHER");
	}

}
