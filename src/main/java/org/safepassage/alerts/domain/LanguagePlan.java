package org.safepassage.alerts.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.safepassage.system.translations.ContentTranslations;
import org.springframework.stereotype.Component;

/**
 * What the staff page of an alert says per language: before sending, who will receive it
 * (subscribers of its language and of each language it is completely translated into) and
 * who will not; once sent, which languages went out and which can go now.
 */
@Component
public class LanguagePlan {

	private final AlertLifecycle lifecycle;

	private final LanguageRounds rounds;

	private final ContentTranslations translations;

	private final AlertsProperties properties;

	LanguagePlan(AlertLifecycle lifecycle, LanguageRounds rounds, ContentTranslations translations,
			AlertsProperties properties) {
		this.lifecycle = lifecycle;
		this.rounds = rounds;
		this.translations = translations;
		this.properties = properties;
	}

	/** Where a language stands; the message key is {@code alerts.languages.<status>}. */
	public enum Status {

		/** Before sending: the language written in; its subscribers will receive it. */
		ORIGINAL(true),
		/** Before sending: completely translated; its subscribers will receive it. */
		TRANSLATED(true),
		/** Before sending: not (completely) translated; its subscribers will not. */
		NOT_TRANSLATED(false),
		/**
		 * Before sending: alerts go out in this language, but the site is not offered in
		 * it, so nothing can be translated into it here.
		 */
		UNTRANSLATABLE(false),
		/** Gone out in this language. */
		SENT(false),
		/** Translated since the alert went out: can be sent now. */
		READY(false),
		/** Not translated, and its subscribers have not had the alert. */
		MISSED(false),
		/**
		 * Cannot be translated into this language, and its subscribers have not had it.
		 */
		MISSED_UNTRANSLATABLE(false);

		private final boolean willReceive;

		Status(boolean willReceive) {
			this.willReceive = willReceive;
		}

	}

	/**
	 * One language.
	 *
	 * @param count for {@code SENT} how many it went to, otherwise how many subscribers
	 * of the language want this alert and have not had it
	 */
	public record Line(String language, Status status, long count) {

		public String messageKey() {
			return "alerts.languages." + status;
		}

		/** Translated since the alert went out, and someone is waiting for it. */
		public boolean sendable() {
			return status == Status.READY && count > 0;
		}

	}

	/**
	 * Each language alerts are sent in; empty for an alert in the archive that was never
	 * mailed from here.
	 */
	public List<Line> of(AlertRepository.Stored stored) {
		Alert alert = stored.alert();
		AlertContent c = alert.content();
		boolean started = alert.state().isPublic();
		Map<String, LanguageRounds.Round> sent = new HashMap<>();
		rounds.of(alert.id()).forEach(r -> sent.put(r.language(), r));
		if (started && !sent.containsKey(c.language())) {
			return List.of();
		}
		Map<String, Long> audience = lifecycle.audienceByLanguage(alert.id(), c);
		Map<String, Map<String, String>> translated = translations.all(AlertContent.TRANSLATION_KIND, alert.id());
		List<Line> lines = new ArrayList<>();
		for (String language : properties.languages()) {
			long waiting = audience.getOrDefault(language, 0L);
			LanguageRounds.Round round = sent.get(language);
			Status status;
			if (round != null) {
				lines.add(new Line(language, Status.SENT, round.recipients()));
				continue;
			}
			if (language.equals(c.language())) {
				status = Status.ORIGINAL;
			}
			else if (!lifecycle.translatable(c, language)) {
				status = started ? Status.MISSED_UNTRANSLATABLE : Status.UNTRANSLATABLE;
			}
			else if (complete(c, translated.getOrDefault(language, Map.of()))) {
				status = started ? Status.READY : Status.TRANSLATED;
			}
			else {
				status = started ? Status.MISSED : Status.NOT_TRANSLATED;
			}
			lines.add(new Line(language, status, waiting));
		}
		return lines;
	}

	/** How many would receive the alert if it were sent now. */
	public static long willReceive(List<Line> lines) {
		return lines.stream().filter(l -> l.status().willReceive).mapToLong(Line::count).sum();
	}

	private static boolean complete(AlertContent c, Map<String, String> fields) {
		return AlertText.translation(c, "", fields).isPresent();
	}

}
