package org.safepassage.system.mail.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** What an SMTP server's refusal of one message means for its delivery. */
enum SmtpRefusal {

	/**
	 * 5xx to the recipient: the address does not exist or refuses mail; never mail it
	 * again.
	 */
	BOUNCE,
	/**
	 * 5xx to the message (MAIL FROM, DATA): this delivery fails, the address is not
	 * blamed.
	 */
	FAILED,
	/** 4xx: try again later. */
	TEMPORARY;

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

}
