package org.safepassage.alerts.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.system.translations.TranslatableKind;
import org.springframework.stereotype.Component;

/**
 * What staff translate of an alert: title, body, points (one per line) and the verse,
 * within the limits of the alert form, from the language it is written in into every
 * other one.
 */
@Component
class AlertTranslatable implements TranslatableKind {

	static final String KIND = AlertContent.TRANSLATION_KIND;

	private static final List<Field> FIELDS = List.of(new Field("title", "alerts.form.alertTitle", 150, false),
			new Field("verseText", "alerts.form.verseText", 1000, true),
			new Field("verseReference", "alerts.form.verseReference", 100, false),
			new Field("body", "alerts.form.body", 20000, true), new Field("points", "alerts.form.points", 5000, true));

	private final AlertRepository alerts;

	AlertTranslatable(AlertRepository alerts) {
		this.alerts = alerts;
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
		return alerts.find(id).map(stored -> {
			AlertContent c = stored.alert().content();
			Map<String, String> originals = new HashMap<>();
			originals.put("title", c.title());
			originals.put("body", c.body());
			originals.put("points", String.join("\n", c.points()));
			originals.put("verseText", c.hasVerse() ? c.verseText() : "");
			originals.put("verseReference", c.hasVerse() ? c.verseReference() : "");
			return originals;
		});
	}

	/**
	 * The alert's own language: one written in Korean is translated into English and
	 * Chinese, never into Korean.
	 */
	@Override
	public Optional<Locale> writtenIn(long id) {
		return alerts.find(id).map(stored -> Locale.forLanguageTag(stored.alert().content().language()));
	}

	@Override
	public String title(long id) {
		return alerts.find(id).map(stored -> stored.alert().content().title()).orElse("");
	}

	@Override
	public String publicPath(long id) {
		return alerts.find(id)
			.filter(stored -> stored.alert().state().isPublic())
			.map(stored -> "/alerts/" + id)
			.orElse(null);
	}

	@Override
	public String adminPath(long id) {
		return "/admin/alerts/" + id;
	}

	@Override
	public List<String> requiredRoles() {
		return List.of("ADMIN", "CAMPAIGNER");
	}

}
