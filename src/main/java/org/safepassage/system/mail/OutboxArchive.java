package org.safepassage.system.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What staff may read of queued and sent mail, newest first. */
@Component
class OutboxArchive {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final JdbcClient jdbc;

	OutboxArchive(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record MailSummary(long id, String recipient, String subject, String category, String status, int attempts,
			OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError) {
	}

	record MailView(long id, String recipient, String subject, String textBody, String htmlBody, String category,
			String status, int attempts, OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError) {

		List<String> links() {
			Matcher matcher = LINK.matcher(this.textBody);
			return matcher.results().map(m -> m.group()).distinct().toList();
		}
	}

	/** Up to {@code limit} mails with ids below {@code before}. */
	List<MailSummary> page(long before, int limit) {
		return this.jdbc.sql(MailQueries.PAGE)
			.param("before", before)
			.param("limit", limit)
			.query(MailSummary.class)
			.list();
	}

	Optional<MailView> find(long id) {
		return this.jdbc.sql(MailQueries.ONE).param("id", id).query(MailView.class).optional();
	}

}
