package org.safepassage.evidence.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.system.translations.TranslatableKind;
import org.springframework.stereotype.Component;

/** What researchers translate of an incident: its title and summary. */
@Component
class IncidentTranslatable implements TranslatableKind {

	private static final List<Field> FIELDS = List.of(new Field("title", "evidence.form.title", 150, false),
			new Field("summary", "evidence.form.summary", 1000, true));

	private final EvidenceCatalogue catalogue;

	IncidentTranslatable(EvidenceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public String kind() {
		return IncidentContent.TRANSLATION_KIND;
	}

	@Override
	public List<Field> fields() {
		return FIELDS;
	}

	@Override
	public Optional<Map<String, String>> originals(long id) {
		return catalogue.incident(id, true)
			.map(listed -> Map.of("title", listed.content().title(), "summary", listed.content().summary()));
	}

	@Override
	public String title(long id) {
		return catalogue.incident(id, true).map(listed -> listed.content().title()).orElse("");
	}

	@Override
	public String publicPath(long id) {
		return catalogue.incident(id, false).map(listed -> "/evidence/incidents/" + id).orElse(null);
	}

	@Override
	public String adminPath(long id) {
		return "/admin/evidence/incidents/" + id;
	}

	@Override
	public List<String> requiredRoles() {
		return List.of("ADMIN", "RESEARCHER");
	}

}
