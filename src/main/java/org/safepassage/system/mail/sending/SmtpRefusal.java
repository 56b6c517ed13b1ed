package org.safepassage.system.mail.sending;

import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * The one reading of an SMTP server's refusal of one message, for every mail.
 */
enum SmtpRefusal {

	/**
	 * 5xx to the recipient: the address does not exist or refuses mail; never mail it
	 * again.
	 */
	BOUNCE,
	/**
	 * 5xx to the message (MAIL FROM, DATA): this mail fails, the address is not blamed.
	 */
	FAILED,
	/** 4xx: try again later. */
	TEMPORARY;

	private static final Pattern RATE = Pattern
		.compile("(?i)\\b(rate|too many|throttl\\w*|limit(ed|s)?|slow down|try again later)\\b");

	static SmtpRefusal classify(SendFailedException e) {
		for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException()
				: null) {
			if (next instanceof SMTPAddressFailedException address) {
				return address.getReturnCode() >= 500 ? BOUNCE : TEMPORARY;
			}
		}
		if (e instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 500) {
			return FAILED;
		}
		return TEMPORARY;
	}

	/**
	 * A 421, or a 4xx that speaks of rates or too many messages: the recipient's provider
	 * wants less from us, so its whole domain cools down.
	 */
	static boolean slowDown(MessagingException e) {
		for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException()
				: null) {
			int code = next instanceof SMTPAddressFailedException a ? a.getReturnCode()
					: next instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
			if (code == 421 || (code >= 400 && code < 500 && next.getMessage() != null
					&& RATE.matcher(next.getMessage()).find())) {
				return true;
			}
		}
		return false;
	}

}
