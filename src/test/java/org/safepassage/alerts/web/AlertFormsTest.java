package org.safepassage.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * Every error of the alert forms is reported on the field the person must change, once,
 * with the message the pages showed before.
 */
class AlertFormsTest {

	private final Validator validator = Validation.byDefaultProvider()
		.configure()
		.clockProvider(() -> Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC))
		.buildValidatorFactory()
		.getValidator();

	/** Field to message template; fails on a field with two messages. */
	private Map<String, String> errors(Object form) {
		return validator.validate(form)
			.stream()
			.collect(Collectors.toMap(v -> v.getPropertyPath().toString(), v -> v.getMessageTemplate()));
	}

	static AlertForm alert(String kind, String date, String verseText, String verseReference, String points) {
		return new AlertForm(kind, "Title", date, "en", verseText, verseReference, "Body", points, List.of(),
				List.of());
	}

	@Test
	void aValidAlertHasNoErrorAndReadsBack() {
		AlertForm form = alert("prayer", "2999-12-31", "Preserve me", "Psalm 16:1", "One\n\nTwo");
		assertThat(errors(form)).isEmpty();
		assertThat(form.toContent().kind().name()).isEqualTo("PRAYER");
		assertThat(form.toContent().points()).containsExactly("One", "Two");
	}

	@Test
	void alertErrorsLandOnTheirOwnFields() {
		assertThat(errors(alert("GOSSIP", "23/11/2023", "A verse without reference", "", "x".repeat(700))))
			.containsOnly(Map.entry("kind", "{alerts.kind.invalid}"), Map.entry("date", "{alerts.date.invalid}"),
					Map.entry("verseReference", "{alerts.verse.incomplete}"),
					Map.entry("points", "{alerts.points.limits}"));
		assertThat(errors(alert("NEWS", "3000-01-01", null, "Psalm 16:1", "a\n".repeat(13)))).containsOnly(
				Map.entry("date", "{alerts.date.invalid}"), Map.entry("verseText", "{alerts.verse.incomplete}"),
				Map.entry("points", "{alerts.points.limits}"));
		assertThat(errors(alert("NEWS", "1899-12-31", null, null, null)))
			.containsOnly(Map.entry("date", "{alerts.date.invalid}"));
	}

	@Test
	void aScheduleIsALocalTimeOrEmpty() {
		assertThat(errors(new ScheduleForm(""))).isEmpty();
		assertThat(errors(new ScheduleForm("2999-01-01T09:00"))).isEmpty();
		assertThat(errors(new ScheduleForm("tomorrow"))).containsOnly(Map.entry("at", "{alerts.schedule.invalid}"));
		assertThat(errors(new ScheduleForm("1999-12-31T09:00")))
			.containsOnly(Map.entry("at", "{alerts.schedule.invalid}"));
	}

	@Test
	void topicsAreKindsAndASubscriberChoosesOne() {
		assertThat(errors(new SubscribeForm("a@example.org", "", "en", null)))
			.containsOnly(Map.entry("topics", "{alerts.topics.invalid}"));
		assertThat(errors(new SubscribeForm("a@example.org", "", "en", List.of("PRAYER", "BOGUS"))))
			.containsOnly(Map.entry("topics", "{alerts.topics.invalid}"));
		assertThat(new SubscribeForm("a@example.org", "", "en", List.of("news", "NEWS")).topicList())
			.containsExactly("NEWS");
		assertThat(errors(new PreferencesForm("Pat", "en", List.of("SPAM"), null)))
			.containsOnly(Map.entry("topics", "{alerts.topics.invalid}"));
		assertThat(errors(new PreferencesForm("Pat", "en", null, null))).isEmpty();
	}

	@Test
	void namesMayNotCarryLinksOrAddresses() {
		assertThat(
				errors(new SubscribeForm("a@example.org", "Alice visit http://evil.example/", "en", List.of("NEWS"))))
			.containsOnly(Map.entry("name", "{validation.personName}"));
		assertThat(errors(new PreferencesForm("write to bob@evil.example", "en", List.of("NEWS"), null)))
			.containsOnly(Map.entry("name", "{validation.personName}"));
	}

}
