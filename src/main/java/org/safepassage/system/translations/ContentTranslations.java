package org.safepassage.system.translations;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.system.SafePassageProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Translations of content, field by field. Readers ask {@link #of} or {@link #localize}
 * on every page, so a record's translations are kept in memory briefly and evicted when
 * this instance saves one (after the commit). One class past 300 lines because readers,
 * the staff page, search copies and alert sending all meet here: reading, saving and the
 * languages a record can be translated into belong together.
 */
@Service
public class ContentTranslations {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final List<Locale> languages;

	private final Locale original;

	private final ObjectProvider<TranslatableKind> kinds;

	private final ApplicationEventPublisher events;

	private final Cache<Key, Map<String, Map<String, String>>> cache;

	private final Cache<KindKey, Map<Long, Set<String>>> byKind;

	private record Key(String kind, long id) {
	}

	private record KindKey(String kind, String language) {
	}

	ContentTranslations(JdbcClient jdbc, Clock clock, SafePassageProperties properties, TranslationsProperties settings,
			ObjectProvider<TranslatableKind> kinds, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.original = properties.languages().getFirst();
		this.languages = properties.languages().subList(1, properties.languages().size());
		this.kinds = kinds;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(settings.cacheFor())
			.maximumSize(settings.cacheSize())
			.build();
		this.byKind = Caffeine.newBuilder().expireAfterWrite(settings.cacheFor()).maximumSize(100).build();
	}

	/**
	 * The languages content written in the default language can be translated into: every
	 * offered one but the default.
	 */
	public List<Locale> languages() {
		return languages;
	}

	/**
	 * The languages a record written in {@code writtenIn} can be translated into: every
	 * offered one but its own, the default included when it is written in another.
	 */
	public List<Locale> languagesFrom(Locale writtenIn) {
		if (writtenIn == null || original.equals(writtenIn)) {
			return languages;
		}
		List<Locale> targets = new ArrayList<>();
		targets.add(original);
		languages.stream().filter(l -> !l.equals(writtenIn)).forEach(targets::add);
		return List.copyOf(targets);
	}

	/** The language a record is written in, as its kind declares (else the default). */
	public Locale writtenIn(String kind, long id) {
		return kind(kind).flatMap(k -> k.writtenIn(id)).orElse(original);
	}

	/**
	 * The languages a record can be translated into: every offered one but the one it is
	 * written in.
	 */
	public List<Locale> languagesOf(String kind, long id) {
		return languagesFrom(writtenIn(kind, id));
	}

	/**
	 * The default language: the one originals are written in unless their kind says
	 * otherwise ({@link TranslatableKind#writtenIn}).
	 */
	public Locale originalLanguage() {
		return original;
	}

	public Optional<TranslatableKind> kind(String kind) {
		return kinds.orderedStream().filter(k -> k.kind().equals(kind)).findFirst();
	}

	/**
	 * The translated fields of a record in a language (field to text); empty in the
	 * default language or when nothing is translated. For a record written in the default
	 * language; one written in another is read with
	 * {@link #localize(String, long, Locale, String)}.
	 */
	public Map<String, String> of(String kind, long id, Locale locale) {
		if (locale == null || !languages.contains(locale)) {
			return Map.of();
		}
		return all(kind, id).getOrDefault(locale.toLanguageTag(), Map.of());
	}

	/**
	 * A record's fields for a reader: translated where a translation exists, the original
	 * otherwise, with what a page needs to say so.
	 */
	public Localized localize(String kind, long id, Locale locale) {
		return localize(kind, id, locale, original.toLanguageTag());
	}

	/**
	 * As {@link #localize(String, long, Locale)}, for a record written in a language of
	 * its own (an alert written in Korean): a reader of that language reads it as
	 * written, a reader of any other offered language (the default included) its
	 * translation where there is one.
	 */
	public Localized localize(String kind, long id, Locale locale, String writtenIn) {
		boolean translatable = locale != null && !locale.toLanguageTag().equalsIgnoreCase(writtenIn)
				&& (languages.contains(locale) || original.equals(locale));
		return new Localized(translatable ? all(kind, id).getOrDefault(locale.toLanguageTag(), Map.of()) : Map.of(),
				translatable, writtenIn);
	}

	/** Every translation of a record: language tag to field to text. */
	public Map<String, Map<String, String>> all(String kind, long id) {
		return cache.get(new Key(kind, id), this::read);
	}

	/**
	 * As {@link #all}, read from the database now (and kept as this instance's copy): for
	 * what must be exactly what staff saved, such as the text of a mail about to go out,
	 * where another instance's save may be younger than this instance's copy.
	 */
	public Map<String, Map<String, String>> current(String kind, long id) {
		Key key = new Key(kind, id);
		Map<String, Map<String, String>> fresh = read(key);
		cache.put(key, fresh);
		return fresh;
	}

	/**
	 * For every record of a kind, the fields translated into a language (record id to
	 * field names), for lists that show what is translated; kept in memory like a
	 * record's translations.
	 */
	public Map<Long, Set<String>> translatedFields(String kind, Locale language) {
		return byKind.get(new KindKey(kind, language.toLanguageTag()), k -> {
			Map<Long, Set<String>> fields = new HashMap<>();
			jdbc.sql(TranslationQueries.FIELDS_OF_KIND)
				.param("kind", k.kind())
				.param("language", k.language())
				.query((rs, n) -> fields.computeIfAbsent(rs.getLong("record_id"), id -> new HashSet<>())
					.add(rs.getString("field")))
				.list();
			Map<Long, Set<String>> copy = new HashMap<>();
			fields.forEach((id, names) -> copy.put(id, Set.copyOf(names)));
			return Map.copyOf(copy);
		});
	}

	private Map<String, Map<String, String>> read(Key key) {
		Map<String, Map<String, String>> byLanguage = new HashMap<>();
		jdbc.sql(TranslationQueries.OF_RECORD)
			.param("kind", key.kind())
			.param("id", key.id())
			.query((rs, n) -> byLanguage.computeIfAbsent(rs.getString("language"), l -> new HashMap<>())
				.put(rs.getString("field"), rs.getString("text")))
			.list();
		Map<String, Map<String, String>> copy = new HashMap<>();
		byLanguage.forEach((language, fields) -> copy.put(language, Map.copyOf(fields)));
		return Map.copyOf(copy);
	}

	/**
	 * Saves one field's translation; blank text deletes it (the original shows again). A
	 * change publishes {@link TranslationSaved} in the same transaction.
	 * @return whether anything changed
	 * @throws IllegalArgumentException for a kind, field or language not offered, or text
	 * too long or with control characters (the page checks these first)
	 */
	@Transactional
	public boolean save(String kind, long id, String field, Locale language, String text, String actor) {
		TranslatableKind declared = kind(kind).orElseThrow(() -> new IllegalArgumentException("No kind " + kind));
		TranslatableKind.Field declaredField = declared.field(field)
			.orElseThrow(() -> new IllegalArgumentException("No field " + field + " in " + kind));
		if (!languagesOf(kind, id).contains(language)) {
			throw new IllegalArgumentException("Not a language to translate " + kind + " " + id + " into: " + language);
		}
		String value = text == null ? "" : text.strip();
		if (value.length() > declaredField.maxLength()
				|| !PlainText.Validator.isPlain(value, declaredField.multiline())) {
			throw new IllegalArgumentException("Translation of " + field + " too long or not plain text");
		}
		int changed = value.isEmpty()
				? jdbc.sql(TranslationQueries.DELETE)
					.param("kind", kind)
					.param("id", id)
					.param("field", field)
					.param("language", language.toLanguageTag())
					.update()
				: jdbc.sql(TranslationQueries.UPSERT)
					.param("kind", kind)
					.param("id", id)
					.param("field", field)
					.param("language", language.toLanguageTag())
					.param("text", value)
					.param("actor", actor == null ? "unknown" : actor)
					.param("at", Timestamp.from(clock.instant()))
					.update();
		evictAfterCommit(new Key(kind, id), new KindKey(kind, language.toLanguageTag()));
		if (changed > 0) {
			this.events.publishEvent(new TranslationSaved(kind, id, field, language, value));
		}
		return changed > 0;
	}

	private void evictAfterCommit(Key key, KindKey kindKey) {
		cache.invalidate(key);
		byKind.invalidate(kindKey);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					cache.invalidate(key);
					byKind.invalidate(kindKey);
				}
			});
		}
	}

	/**
	 * A record's translated fields in a reader's language.
	 *
	 * @param translated field to translated text
	 * @param translatable whether the reader's language is one the record is translated
	 * into (not the one it is written in)
	 * @param originalLanguage the language tag of the originals
	 */
	public record Localized(Map<String, String> translated, boolean translatable, String originalLanguage) {

		/** The field in the reader's language, or the original when not translated. */
		public String text(String field, String originalText) {
			return translated.getOrDefault(field, originalText);
		}

		/**
		 * The {@code lang} a field's element needs: the original's when it is shown
		 * untranslated to a reader of another language, {@code null} otherwise (the
		 * page's own).
		 */
		public String lang(String field) {
			return translatable && !translated.containsKey(field) ? originalLanguage : null;
		}

		/**
		 * Whether any of these fields is shown in the original to a reader of another
		 * language.
		 */
		public boolean untranslated(String... fields) {
			if (!translatable) {
				return false;
			}
			for (String field : fields) {
				if (!translated.containsKey(field)) {
					return true;
				}
			}
			return false;
		}

	}

}
