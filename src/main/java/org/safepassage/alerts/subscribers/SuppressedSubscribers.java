package org.safepassage.alerts.subscribers;

import java.time.Clock;
import java.time.ZoneOffset;

import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.system.mail.AddressSuppressed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A subscriber whose address joins the suppression list (a bounce report, a spam
 * complaint, staff) is marked bouncing, so staff count them apart and the subscriber's
 * settings page says why alerts stopped. The mail path already refuses the address; this
 * is what alerts remember of it. It runs in the suppression's own transaction.
 */
@Component
class SuppressedSubscribers {

	private final JdbcClient jdbc;

	private final Clock clock;

	SuppressedSubscribers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void addressSuppressed(AddressSuppressed suppressed) {
		String reason = switch (suppressed.reason()) {
			case HARD_BOUNCE -> "suppressed: hard bounce";
			case COMPLAINT -> "suppressed: complaint (marked as spam)";
			case ADDED_BY_STAFF -> "suppressed by staff";
		};
		jdbc.sql(AlertQueries.MARK_SUPPRESSED_BOUNCING)
			.param("emailKey", Subscriptions.emailKey(suppressed.address()))
			.param("reason", reason)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

}
