package org.safepassage;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

/** Unchecked helpers for reading received mail in stream pipelines. */
final class SigningRecipients {

	private SigningRecipients() {
	}

	static Address[] of(MimeMessage message) {
		try {
			return message.getAllRecipients();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String text(MimeMessage message) {
		try {
			return MailParts.text(message);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
