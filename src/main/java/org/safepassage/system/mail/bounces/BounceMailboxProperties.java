package org.safepassage.system.mail.bounces;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The mailbox that receives bounce reports (DSN, RFC 3464) and abuse feedback reports
 * (ARF, RFC 5965) about our mail: usually the envelope sender's (Return-Path) mailbox,
 * and the address registered with mailbox providers' feedback loops. Reading is off while
 * {@code host} is unset.
 *
 * @param protocol {@code imaps} (default), {@code imap}, {@code pop3s} or {@code pop3}
 * @param host the mail server; unset: no mailbox is read
 * @param port the server's port; 0: the protocol's usual one (993, 143, 995, 110)
 * @param username the mailbox's user name
 * @param password its password
 * @param folder the IMAP folder read (POP3 has only its inbox)
 * @param interval the time between the end of one reading and the start of the next
 * @param maxMessages the most messages taken in one reading; the rest wait for the next
 * @param maxMessageSize a larger message is no report of ours: it is left in the mailbox
 * @param timeout connecting to and each answer of the server
 */
@ConfigurationProperties("safepassage.mail.bounces")
record BounceMailboxProperties(@DefaultValue("imaps") Protocol protocol, String host, @DefaultValue("0") int port,
		String username, String password, @DefaultValue("INBOX") String folder, @DefaultValue("5m") Duration interval,
		@DefaultValue("200") int maxMessages, @DefaultValue("1MB") DataSize maxMessageSize,
		@DefaultValue("30s") Duration timeout) {

	enum Protocol {

		IMAP, IMAPS, POP3, POP3S;

		String storeName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * The source recorded with a suppression: {@code dsn:imap} or {@code dsn:pop3}.
		 */
		String source() {
			return this == IMAP || this == IMAPS ? "dsn:imap" : "dsn:pop3";
		}

		boolean imap() {
			return this == IMAP || this == IMAPS;
		}

	}

	boolean enabled() {
		return host != null && !host.isBlank();
	}

}
