package org.safepassage.petitions.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.signing.SignatureCounts;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read side for the public: lists and single petitions, only in public states. */
@Service
public class PetitionCatalogue {

	static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	private final PetitionRepository petitions;

	private final SignatureCounts counts;

	private final Clock clock;

	private final ContentTranslations translations;

	PetitionCatalogue(JdbcClient jdbc, PetitionRepository petitions, SignatureCounts counts, Clock clock,
			ContentTranslations translations) {
		this.translations = translations;
		this.jdbc = jdbc;
		this.petitions = petitions;
		this.counts = counts;
		this.clock = clock;
	}

	public record Listed(long id, String title, String target, Integer signatureGoal, Instant closingAt, String state,
			Instant openedAt, long signatures) {
	}

	/**
	 * @param originalLanguage per petition shown untranslated to a reader of another
	 * language, the language of its original (for the {@code lang} of its card)
	 */
	public record Page(List<Listed> items, int page, boolean hasNext, long total, Map<Long, String> originalLanguage) {
	}

	/** The list with titles and targets in the reader's language where translated. */
	public Page list(List<PetitionState> states, int page, Locale locale) {
		Page found = list(states, page);
		Map<Long, String> original = new HashMap<>();
		List<Listed> items = found.items().stream().map(l -> {
			ContentTranslations.Localized local = translations.localize(PetitionTranslatable.KIND, l.id(), locale);
			String lang = local.lang("title");
			if (lang != null) {
				original.put(l.id(), lang);
			}
			return new Listed(l.id(), local.text("title", l.title()), local.text("target", l.target()),
					l.signatureGoal(), l.closingAt(), l.state(), l.openedAt(), l.signatures());
		}).toList();
		return new Page(items, found.page(), found.hasNext(), found.total(), Map.copyOf(original));
	}

	public Page list(List<PetitionState> states, int page) {
		String[] names = states.stream().map(Enum::name).toArray(String[]::new);
		List<Listed> items = jdbc.sql(PetitionQueries.LIST_BY_STATE)
			.param("states", names)
			.param("limit", PAGE_SIZE + 1)
			.param("offset", page * PAGE_SIZE)
			.query(Listed.class)
			.list();
		long total = jdbc.sql(PetitionQueries.COUNT_BY_STATE).param("states", names).query(Long.class).single();
		boolean hasNext = items.size() > PAGE_SIZE;
		return new Page(hasNext ? items.subList(0, PAGE_SIZE) : items, page, hasNext, total, Map.of());
	}

	Optional<PetitionView> publicPetition(long id, Locale locale) {
		return petitions.findRecent(id)
			.filter(p -> p.state().isPublic())
			.map(p -> PetitionView.of(p, counts.of(id), clock.instant(), locale,
					translations.localize(PetitionTranslatable.KIND, id, locale)));
	}

	boolean isPublic(long id) {
		return petitions.findRecent(id).map(p -> p.state().isPublic()).orElse(false);
	}

	/** Staff may preview a petition in any state. */
	public Optional<PetitionView> anyPetition(long id, Locale locale) {
		return petitions.find(id)
			.map(p -> PetitionView.of(p, counts.of(id), clock.instant(), locale,
					translations.localize(PetitionTranslatable.KIND, id, null)));
	}

}
