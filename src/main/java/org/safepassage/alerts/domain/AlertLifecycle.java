package org.safepassage.alerts.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.mail.MessageIds;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves alerts through their life: what staff do (write, revise, schedule, pause, resume)
 * and what the sender does (start a due send, finish a done one). Each runs in one
 * transaction with the alert row locked; the aggregate decides whether it is allowed.
 */
@Service
public class AlertLifecycle {

	private final AlertRepository alerts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MessageIds messageIds;

	private final LanguageRounds rounds;

	private final ContentTranslations translations;

	private final AlertsProperties properties;

	AlertLifecycle(AlertRepository alerts, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			MessageIds messageIds, LanguageRounds rounds, ContentTranslations translations,
			AlertsProperties properties) {
		this.messageIds = messageIds;
		this.rounds = rounds;
		this.translations = translations;
		this.properties = properties;
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Transactional
	public long create(AlertContent content, String createdBy) {
		return alerts.save(Alert.draft(content, createdBy));
	}

	@Transactional
	public void revise(long id, AlertContent content) {
		Alert alert = locked(id);
		alert.revise(content);
		alerts.save(alert);
	}

	@Transactional
	public void schedule(long id, Instant at) {
		Alert alert = locked(id);
		alert.schedule(at, clock.instant());
		alerts.save(alert);
	}

	@Transactional
	public void unschedule(long id) {
		Alert alert = locked(id);
		alert.unschedule();
		alerts.save(alert);
	}

	@Transactional
	public void pause(long id) {
		Alert alert = locked(id);
		alert.pause();
		alerts.save(alert);
	}

	@Transactional
	public void resume(long id) {
		Alert alert = locked(id);
		alert.resume();
		alerts.save(alert);
	}

	/**
	 * Starts every due alert: fixes its audience, in the same transaction, as one
	 * delivery per subscriber of each language it goes out in: the one it was written in,
	 * and each one it is completely translated into (read from the database, not a copy
	 * that may be older than another instance's save). Subscribers of other languages get
	 * nothing now; staff send their language once it is translated
	 * ({@link #sendLanguage}).
	 */
	public void startDue() {
		for (long id : alerts.dueIds(clock.instant())) {
			transactions.executeWithoutResult(status -> {
				Alert alert = alerts.lock(id).orElse(null);
				Instant now = clock.instant();
				if (alert == null || !alert.isDue(now)) {
					return;
				}
				alert.startSending(now);
				alerts.save(alert);
				AlertContent c = alert.content();
				List<AlertText> texts = new ArrayList<>();
				texts.add(AlertText.original(c));
				Map<String, Map<String, String>> translated = translations.current(AlertContent.TRANSLATION_KIND, id);
				for (String language : properties.languages()) {
					if (translatable(c, language)) {
						AlertText.translation(c, language, translated.getOrDefault(language, Map.of()))
							.ifPresent(texts::add);
					}
				}
				for (AlertText text : texts) {
					startRound(alert, text, now, null);
				}
			});
		}
	}

	/**
	 * Sends an alert that has gone out to the subscribers of a language it was translated
	 * into since, who have not had it: once per language, which the round's key and the
	 * deliveries' (one per alert and subscriber) guarantee across instances.
	 * @return how many subscribers it goes to
	 */
	@Transactional
	public int sendLanguage(long id, String language, String staff) {
		Alert alert = locked(id);
		AlertContent c = alert.content();
		RuleViolation.require(properties.languages().contains(language) && translatable(c, language),
				"alerts.rule.languageNotOffered");
		RuleViolation.require(rounds.find(id, c.language()).isPresent(), "alerts.rule.languageNeverMailed");
		RuleViolation.require(rounds.find(id, language).isEmpty(), "alerts.rule.languageAlreadySent");
		AlertText text = AlertText
			.translation(c, language,
					translations.current(AlertContent.TRANSLATION_KIND, id).getOrDefault(language, Map.of()))
			.orElseThrow(() -> new RuleViolation("alerts.rule.languageNotTranslated",
					"Alert " + id + " is not completely translated into " + language));
		alert.addLanguage();
		alerts.save(alert);
		return startRound(alert, text, clock.instant(), staff);
	}

	private int startRound(Alert alert, AlertText text, Instant now, String staff) {
		if (!rounds.start(alert.id(), text, now, staff)) {
			throw new RuleViolation("alerts.rule.languageAlreadySent",
					"Alert " + alert.id() + " went out in " + text.language() + " already");
		}
		AlertContent c = alert.content();
		int recipients = jdbc.sql(AlertQueries.CREATE_DELIVERIES)
			.param("alertId", alert.id())
			.param("domain", messageIds.domain())
			.param("language", text.language())
			.param("kind", c.kind().name())
			.param("petitionIds", c.petitionIds().toArray(Long[]::new))
			.update();
		rounds.recipients(alert.id(), text.language(), recipients);
		alerts.addRecipients(alert.id(), recipients);
		return recipients;
	}

	/**
	 * Whether this alert can be translated into a language here: any offered language but
	 * the one it is written in (English too, for an alert written in Korean).
	 */
	boolean translatable(AlertContent c, String language) {
		return !language.equals(c.language()) && translations.languagesFrom(Locale.forLanguageTag(c.language()))
			.contains(Locale.forLanguageTag(language));
	}

	/**
	 * Per language, the confirmed subscribers who want this alert's kind and have not had
	 * it.
	 */
	Map<String, Long> audienceByLanguage(long alertId, AlertContent c) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql(AlertQueries.AUDIENCE_BY_LANGUAGE)
			.param("alertId", alertId)
			.param("kind", c.kind().name())
			.param("petitionIds", c.petitionIds().toArray(Long[]::new))
			.query((rs, n) -> counts.put(rs.getString("language"), rs.getLong("subscribers")))
			.list();
		return counts;
	}

	/** Marks sent every alert being sent that has nothing left to send. */
	public void finishDone() {
		for (long id : alerts.sendingIds()) {
			transactions.executeWithoutResult(status -> {
				Alert alert = alerts.lock(id).orElse(null);
				if (alert == null || alert.state() != AlertState.SENDING || anyOpen(id)) {
					return;
				}
				alert.finish(clock.instant());
				alerts.save(alert);
			});
		}
	}

	private boolean anyOpen(long alertId) {
		return jdbc.sql(AlertQueries.ANY_OPEN_DELIVERY).param("alertId", alertId).query(Boolean.class).single();
	}

	record Progress(long total, long sent, long failed, long skipped, long remaining, double ratePerSecond,
			OffsetDateTime firstSentAt, OffsetDateTime lastSentAt) {

		public long done() {
			return sent + failed + skipped;
		}

		public long percent() {
			return total == 0 ? 100 : Math.round(100.0 * done() / total);
		}
	}

	public Progress progress(long alertId) {
		return jdbc.sql(AlertQueries.PROGRESS)
			.param("alertId", alertId)
			.query((rs, n) -> new Progress(rs.getLong("total"), rs.getLong("sent"), rs.getLong("failed"),
					rs.getLong("skipped"), rs.getLong("remaining"), rs.getLong("last_ten_seconds") / 10.0,
					rs.getObject("first_sent_at", OffsetDateTime.class),
					rs.getObject("last_sent_at", OffsetDateTime.class)))
			.single();
	}

	private Alert locked(long id) {
		return alerts.lock(id).orElseThrow(() -> new NotFoundException("No alert " + id));
	}

}
