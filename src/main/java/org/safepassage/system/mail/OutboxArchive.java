package org.safepassage.system.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What staff may read of queued and sent mail, newest first. A body holds live secrets (a
 * confirmation link signs in someone else's name), so only {@link #find} reads it, for
 * the outbox page of an installation without SMTP.
 */
@Component
class OutboxArchive {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final JdbcClient jdbc;

	OutboxArchive(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record MailSummary(long id, String recipient, String subject, String category, String status, int attempts,
			OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError, String messageId) {
	}

	record MailView(long id, String recipient, String subject, String textBody, String htmlBody, String category,
			String status, int attempts, OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError,
			String messageId) {

		List<String> links() {
			if (this.textBody == null) {
				return List.of();
			}
			Matcher matcher = LINK.matcher(this.textBody);
			return matcher.results().map(m -> m.group()).distinct().toList();
		}

		/** The same mail without its body: what staff see once mail really leaves. */
		MailView withoutBody() {
			return new MailView(id, recipient, subject, null, null, category, status, attempts, createdAt, sentAt,
					lastError, messageId);
		}
	}

	/** Up to {@code limit} mails with ids below {@code before}, without bodies. */
	List<MailSummary> page(long before, int limit) {
		return this.jdbc.sql(MailQueries.STAFF_OUTBOX_PAGE)
			.param("before", before)
			.param("limit", limit)
			.query(MailSummary.class)
			.list();
	}

	Optional<MailView> find(long id) {
		return this.jdbc.sql(MailQueries.STAFF_OUTBOX_MAIL).param("id", id).query(MailView.class).optional();
	}

}
