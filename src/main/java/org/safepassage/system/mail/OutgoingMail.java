package org.safepassage.system.mail;

import java.util.Map;

/**
 * A mail ready for the outbox: both an HTML and a plain-text part, and any extra headers.
 */
public record OutgoingMail(String recipient, String subject, String textBody, String htmlBody, String category,
		Map<String, String> headers) {

	public OutgoingMail {
		if (recipient.contains("\r") || recipient.contains("\n") || subject.contains("\r") || subject.contains("\n")) {
			throw new IllegalArgumentException("Line breaks are not allowed in mail headers");
		}
		headers = Map.copyOf(headers);
	}
}
