package org.safepassage.petitions.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.system.translations.TranslatableKind;
import org.springframework.stereotype.Component;

/**
 * What staff translate of a petition: title, target, background and demands (one per
 * line), within the limits of the petition form.
 */
@Component
class PetitionTranslatable implements TranslatableKind {

	static final String KIND = PetitionContent.TRANSLATION_KIND;

	private static final List<Field> FIELDS = List.of(new Field("title", "petitionForm.title", 150, false),
			new Field("target", "petitionForm.target", 200, false),
			new Field("demands", "petitionForm.demands", 5000, true),
			new Field("background", "petitionForm.background", 6000, true));

	private final PetitionRepository petitions;

	PetitionTranslatable(PetitionRepository petitions) {
		this.petitions = petitions;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<Field> fields() {
		return FIELDS;
	}

	@Override
	public Optional<Map<String, String>> originals(long id) {
		return petitions.find(id).map(p -> {
			PetitionContent c = p.content();
			return Map.of("title", c.title(), "target", c.target(), "demands", String.join("\n", c.demands()),
					"background", c.background());
		});
	}

	@Override
	public String title(long id) {
		return petitions.find(id).map(p -> p.content().title()).orElse("");
	}

	@Override
	public String publicPath(long id) {
		return petitions.find(id).filter(p -> p.state().isPublic()).map(p -> "/petitions/" + id).orElse(null);
	}

	@Override
	public String adminPath(long id) {
		return "/admin/petitions/" + id;
	}

	@Override
	public List<String> requiredRoles() {
		return List.of("ADMIN", "MODERATOR", "CAMPAIGNER");
	}

}
