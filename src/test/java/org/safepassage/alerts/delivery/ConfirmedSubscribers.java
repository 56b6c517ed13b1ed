package org.safepassage.alerts.delivery;

import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Subscribers put straight into the table, already confirmed, for the sending tests. */
final class ConfirmedSubscribers {

	private ConfirmedSubscribers() {
	}

	/**
	 * A confirmed subscriber in {@code language} who wants alerts of {@code topic}
	 * ({@code ACTION} or {@code PRAYER}); returns the new address, which starts with
	 * {@code prefix}.
	 */
	static String add(JdbcClient jdbc, String prefix, String language, String topic) {
		String email = prefix + "-" + language.toLowerCase(Locale.ROOT) + "-"
				+ UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		jdbc.sql("""
				insert into alert_subscriber (email, email_key, name, language, topics, state, source, confirmed_at)
				values (?, ?, null, ?, array[?], 'CONFIRMED', 'test', now())""")
			.param(email)
			.param(email)
			.param(language)
			.param(topic)
			.update();
		return email;
	}

}
