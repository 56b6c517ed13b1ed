package org.safepassage.system.mail;

import java.util.Map;

/**
 * A mail ready for the outbox: both an HTML and a plain-text part, and any extra headers.
 * {@code automated} mail (every mail the system writes by itself) carries
 * {@code Auto-Submitted: auto-generated} (RFC 3834), so vacation responders do not answer
 * it; a person's own letter sets it false.
 */
public record OutgoingMail(String recipient, String subject, String textBody, String htmlBody, String category,
		Map<String, String> headers, boolean automated) {

	public OutgoingMail {
		if (recipient.contains("\r") || recipient.contains("\n") || subject.contains("\r") || subject.contains("\n")) {
			throw new IllegalArgumentException("Line breaks are not allowed in mail headers");
		}
		headers = Map.copyOf(headers);
	}

	/** An automated mail. */
	public OutgoingMail(String recipient, String subject, String textBody, String htmlBody, String category,
			Map<String, String> headers) {
		this(recipient, subject, textBody, htmlBody, category, headers, true);
	}

}
