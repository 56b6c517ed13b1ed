package org.safepassage.system.mail.bounces;

/** Raw bounce and complaint reports as receiving servers write them. */
final class Reports {

	private Reports() {
	}

	/** A DSN (RFC 3464) for one recipient with the given action and status. */
	static String dsn(String recipient, String action, String status) {
		return """
				From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
				To: bounces@example.org
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <dsn-%s@mx.example.net>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain; charset=us-ascii

				This is the mail system at host mx.example.net. Your message could not be delivered.

				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.net
				Arrival-Date: Tue, 1 Dec 2026 10:00:00 +0000

				Final-Recipient: rfc822; %s
				Original-Recipient: rfc822;%s
				Action: %s
				Status: %s
				Diagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected: User unknown

				--b1
				Content-Type: text/rfc822-headers

				From: SafePassage <no-reply@safepassage.localhost>
				To: %s
				Subject: Please confirm your signature

				--b1--
				""".formatted(recipient.hashCode(), recipient, recipient, action, status, recipient, recipient)
			.replace("\n", "\r\n");
	}

	/**
	 * An abuse report (RFC 5965) enclosing the original message, with no
	 * Original-Rcpt-To.
	 */
	static String complaint(String recipient) {
		return """
				From: Feedback Loop <fbl@isp.example.net>
				To: bounces@example.org
				Subject: FW: Alert
				Message-ID: <arf-%s@isp.example.net>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=feedback-report; boundary="b2"

				--b2
				Content-Type: text/plain; charset=us-ascii

				This is an email abuse report for an email message received from IP 192.0.2.1.

				--b2
				Content-Type: message/feedback-report

				Feedback-Type: abuse
				User-Agent: SomeGenerator/1.0
				Version: 1

				--b2
				Content-Type: message/rfc822
				Content-Disposition: inline

				From: SafePassage <no-reply@safepassage.localhost>
				To: Reader <%s>
				Subject: Prayer alert

				Please pray.
				--b2--
				""".formatted(recipient.hashCode(), recipient).replace("\n", "\r\n");
	}

}
