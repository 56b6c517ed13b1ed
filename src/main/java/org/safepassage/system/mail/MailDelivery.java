package org.safepassage.system.mail;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The one path every mail leaves by: sends what a {@link MailSource} has due over the
 * pooled SMTP connections, until it has nothing left that is due.
 */
public interface MailDelivery {

	/** Whether an SMTP server is configured ({@code spring.mail.host}). */
	boolean smtpConfigured();

	/** Sends the source's due mail; does nothing without an SMTP server. */
	void deliverDue(MailSource source);

	/** The same through another SMTP server, over connections of its own. */
	void deliverDue(MailSource source, JavaMailSenderImpl server);

}
