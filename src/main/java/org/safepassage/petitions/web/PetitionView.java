package org.safepassage.petitions.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.petitions.signing.SignatureCounts;
import org.safepassage.shared.Countries;
import org.safepassage.system.translations.ContentTranslations;

/** A petition as the public page shows it. */
public record PetitionView(long id, String title, List<String> backgroundParagraphs, List<String> demands,
		String target, Integer goal, Instant closingAt, PetitionState state, Instant openedAt, Instant closedAt,
		Instant deliveredAt, String deliveryNote, long signatures, List<CountryCount> byCountry,
		boolean acceptsSignatures, Duration timeLeft, boolean paused, ContentTranslations.Localized local) {

	/** The fields a reader sees translated, or in the original with a note. */
	static final String[] FIELDS = { "title", "target", "demands", "background" };

	record CountryCount(String code, String name, long signatures) {
	}

	static PetitionView of(Petition petition, SignatureCounts.Snapshot counts, Instant now, Locale locale,
			ContentTranslations.Localized local) {
		PetitionContent c = petition.content();
		String demands = local.text("demands", null);
		List<String> demandList = demands == null ? c.demands()
				: demands.lines().map(String::strip).filter(d -> !d.isEmpty()).toList();
		List<CountryCount> countries = counts.byCountry()
			.entrySet()
			.stream()
			.map((Map.Entry<String, Long> e) -> new CountryCount(e.getKey(), Countries.name(e.getKey(), locale),
					e.getValue()))
			.toList();
		Duration left = c.closingAt() == null || petition.state() != PetitionState.OPEN ? null
				: Duration.between(now, c.closingAt());
		return new PetitionView(petition.id(), local.text("title", c.title()),
				List.of(local.text("background", c.background()).split("\\R\\s*\\R")), demandList,
				local.text("target", c.target()), c.signatureGoal(), c.closingAt(), petition.state(),
				petition.openedAt(), petition.closedAt(), petition.deliveredAt(), petition.deliveryNote(),
				counts.total(), countries, petition.acceptsSignatures(now), left, petition.isPaused(), local);
	}

	/** Whether a field the page shows is still in the original language. */
	public boolean untranslated() {
		return local.untranslated(FIELDS);
	}

	/** Percent of the goal reached, capped at 100 for the bar. */
	public int progressPercent() {
		if (goal == null || goal == 0) {
			return 0;
		}
		return (int) Math.min(100, signatures * 100 / goal);
	}

	public long daysLeft() {
		return timeLeft == null ? -1 : timeLeft.toDays();
	}

	public long hoursLeft() {
		return timeLeft == null ? -1 : Math.max(0, timeLeft.toHours());
	}
}
