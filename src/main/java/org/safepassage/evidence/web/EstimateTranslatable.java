package org.safepassage.evidence.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.store.EstimateRepository;
import org.safepassage.system.translations.TranslatableKind;
import org.springframework.stereotype.Component;

/**
 * What researchers translate of an estimate: the words around its figure (statement, the
 * source's title, the quote, the note). The organisation's name stays as it spells
 * itself, and the figure is read in the reader's language from its numbers.
 */
@Component
class EstimateTranslatable implements TranslatableKind {

	private static final List<Field> FIELDS = List.of(new Field("statement", "evidence.form.statement", 300, false),
			new Field("sourceTitle", "evidence.form.sourceTitle", 300, false),
			new Field("quote", "evidence.form.quote", 1000, true), new Field("note", "evidence.form.note", 2000, true));

	private final EstimateRepository estimates;

	EstimateTranslatable(EstimateRepository estimates) {
		this.estimates = estimates;
	}

	@Override
	public String kind() {
		return EstimateContent.TRANSLATION_KIND;
	}

	@Override
	public List<Field> fields() {
		return FIELDS;
	}

	@Override
	public Optional<Map<String, String>> originals(long id) {
		return estimates.find(id).map(estimate -> {
			EstimateContent c = estimate.content();
			Map<String, String> originals = new LinkedHashMap<>();
			originals.put("statement", c.statement());
			originals.put("sourceTitle", c.sourceTitle());
			originals.put("quote", c.quote() == null ? "" : c.quote());
			originals.put("note", c.note() == null ? "" : c.note());
			return Map.copyOf(originals);
		});
	}

	@Override
	public String title(long id) {
		return estimates.find(id).map(estimate -> estimate.content().statement()).orElse("");
	}

	@Override
	public String publicPath(long id) {
		return estimates.find(id)
			.filter(estimate -> estimate.state() == IncidentState.PUBLISHED)
			.map(estimate -> "/evidence#estimate-" + id)
			.orElse(null);
	}

	@Override
	public String adminPath(long id) {
		return "/admin/evidence/estimates/" + id + "/edit";
	}

	@Override
	public List<String> requiredRoles() {
		return List.of("ADMIN", "RESEARCHER");
	}

}
