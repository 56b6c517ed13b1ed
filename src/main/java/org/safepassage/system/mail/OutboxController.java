package org.safepassage.system.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safepassage.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff read queued and sent mail here; with no SMTP server configured this is where mail
 * is delivered.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

	private static final int PAGE_SIZE = 50;

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final boolean smtpConfigured;

	OutboxController(JdbcClient jdbc, Outbox outbox, ObjectProvider<JavaMailSender> sender) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.smtpConfigured = sender.getIfAvailable() != null;
	}

	record MailSummary(long id, String recipient, String subject, String category, String status, int attempts,
			OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError) {
	}

	record MailView(long id, String recipient, String subject, String textBody, String htmlBody, String category,
			String status, int attempts, OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError) {

		List<String> links() {
			Matcher matcher = LINK.matcher(textBody);
			return matcher.results().map(m -> m.group()).distinct().toList();
		}
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "9223372036854775807") long before, Model model) {
		List<MailSummary> mails = jdbc.sql(MailQueries.PAGE)
			.param("before", before)
			.param("limit", PAGE_SIZE)
			.query(MailSummary.class)
			.list();
		model.addAttribute("mails", mails);
		model.addAttribute("counts", outbox.countsByStatus());
		model.addAttribute("smtpConfigured", smtpConfigured);
		model.addAttribute("nextBefore", mails.size() == PAGE_SIZE ? mails.getLast().id() : null);
		return "admin/outbox/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		MailView mail = jdbc.sql(MailQueries.ONE)
			.param("id", id)
			.query(MailView.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("No mail " + id));
		model.addAttribute("mail", mail);
		model.addAttribute("links", mail.links());
		return "admin/outbox/show";
	}

}
