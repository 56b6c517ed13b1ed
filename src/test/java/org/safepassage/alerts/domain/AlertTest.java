package org.safepassage.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safepassage.shared.RuleViolation;

/** The alert aggregate's guarded transitions. */
class AlertTest {

	static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	static AlertContent content() {
		return new AlertContent(AlertKind.PRAYER, "Pray", LocalDate.of(2023, 11, 23), "en", "Preserve me, O God",
				"Psalm 16:1", "Body", List.of("That..."), List.of(1L), List.of());
	}

	static Alert stored(AlertState state, Instant scheduledAt) {
		return new Alert(7L, content(), state, scheduledAt, null, null, "test", 0);
	}

	@Test
	void aDraftIsScheduledThenStartsOnlyWhenDue() {
		Alert alert = stored(AlertState.DRAFT, null);
		alert.schedule(NOW.plus(Duration.ofHours(1)), NOW);
		assertThat(alert.state()).isEqualTo(AlertState.SCHEDULED);
		assertThat(alert.isDue(NOW)).isFalse();
		assertThatThrownBy(() -> alert.startSending(NOW)).isInstanceOf(RuleViolation.class);
		Instant later = NOW.plus(Duration.ofHours(2));
		alert.startSending(later);
		assertThat(alert.state()).isEqualTo(AlertState.SENDING);
		assertThat(alert.sendingStartedAt()).isEqualTo(later);
		assertThat(alert.releaseEvents()).containsExactly(new Alert.SendingStarted(7L, later));
	}

	@Test
	void aLanguageAddedToASentAlertSendsItAgainAndKeepsWhenItWasFirstSent() {
		Alert sent = new Alert(7L, content(), AlertState.SENT, NOW, NOW, NOW, "test", 0);
		sent.addLanguage();
		assertThat(sent.state()).isEqualTo(AlertState.SENDING);
		Instant later = NOW.plus(Duration.ofDays(2));
		sent.finish(later);
		assertThat(sent.state()).isEqualTo(AlertState.SENT);
		assertThat(sent.sentAt()).isEqualTo(NOW);
		Alert paused = stored(AlertState.PAUSED, NOW);
		paused.addLanguage();
		assertThat(paused.state()).isEqualTo(AlertState.PAUSED);
		for (AlertState state : List.of(AlertState.DRAFT, AlertState.SCHEDULED)) {
			assertThatThrownBy(stored(state, NOW)::addLanguage).isInstanceOf(RuleViolation.class)
				.hasMessageContaining("alerts.rule.languageOnlyOnceSending");
		}
	}

	@Test
	void aTranslationIsMailedOnlyWhenEveryFieldTheAlertHasIsTranslated() {
		Map<String, String> titleAndBody = Map.of("title", "기도", "body", "본문");
		assertThat(AlertText.translation(content(), "ko", titleAndBody)).isEmpty();
		Map<String, String> all = new HashMap<>(titleAndBody);
		all.put("verseText", "하나님이여 나를 보전하소서");
		all.put("verseReference", "시편 16:1");
		assertThat(AlertText.translation(content(), "ko", all)).isEmpty();
		all.put("points", "  ");
		assertThat(AlertText.translation(content(), "ko", all)).as("a blank field is no translation").isEmpty();
		all.put("points", "기도 제목");
		assertThat(AlertText.translation(content(), "ko", all)).get().extracting(AlertText::fields).isEqualTo(all);
		AlertContent plain = new AlertContent(AlertKind.NEWS, "News", LocalDate.of(2023, 11, 23), "en", null, null,
				"Body", List.of(), List.of(), List.of());
		assertThat(AlertText.translation(plain, "ko", all)).get()
			.extracting(AlertText::fields)
			.as("only the fields the alert has are kept")
			.isEqualTo(titleAndBody);
	}

	@Test
	void aTimeInThePastMeansNow() {
		Alert alert = stored(AlertState.DRAFT, null);
		alert.schedule(NOW.minus(Duration.ofDays(3)), NOW);
		assertThat(alert.scheduledAt()).isEqualTo(NOW);
		assertThat(alert.isDue(NOW)).isTrue();
	}

	@Test
	void sendingCanBePausedAndResumedThenFinished() {
		Alert alert = stored(AlertState.SENDING, NOW);
		alert.pause();
		assertThat(alert.state()).isEqualTo(AlertState.PAUSED);
		assertThatThrownBy(alert::pause).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> alert.finish(NOW)).isInstanceOf(RuleViolation.class);
		alert.resume();
		assertThatThrownBy(alert::resume).isInstanceOf(RuleViolation.class);
		alert.finish(NOW);
		assertThat(alert.state()).isEqualTo(AlertState.SENT);
		assertThat(alert.releaseEvents()).containsExactly(new Alert.SendingPaused(7L), new Alert.SendingResumed(7L),
				new Alert.SendingFinished(7L, NOW));
	}

	@Test
	void onlyADraftIsEditedOrScheduled() {
		for (AlertState state : List.of(AlertState.SCHEDULED, AlertState.SENDING, AlertState.PAUSED, AlertState.SENT)) {
			Alert alert = stored(state, NOW);
			assertThatThrownBy(() -> alert.revise(content())).isInstanceOf(RuleViolation.class)
				.extracting(e -> ((RuleViolation) e).messageKey())
				.isEqualTo("alerts.rule.reviseOnlyDraft");
			assertThatThrownBy(() -> alert.schedule(NOW, NOW)).isInstanceOf(RuleViolation.class);
		}
		Alert scheduled = stored(AlertState.SCHEDULED, NOW);
		scheduled.unschedule();
		assertThat(scheduled.state()).isEqualTo(AlertState.DRAFT);
		assertThat(scheduled.scheduledAt()).isNull();
		assertThatThrownBy(() -> stored(AlertState.DRAFT, null).unschedule()).isInstanceOf(RuleViolation.class);
	}

	@Test
	void anArchivedAlertIsPublicAndAcceptsPrayersOnlyIfItIsAPrayerAlert() {
		Alert archived = Alert.archived(content(), NOW, "demo");
		assertThat(archived.state()).isEqualTo(AlertState.SENT);
		assertThat(archived.acceptsPrayers()).isTrue();
		assertThat(stored(AlertState.DRAFT, null).acceptsPrayers()).isFalse();
		assertThat(AlertState.SCHEDULED.isPublic()).isFalse();
		assertThat(AlertState.PAUSED.isPublic()).isTrue();
	}

}
