package org.safepassage.alerts.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.safepassage.shared.Tokens;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes an alert mail straight to MIME bytes: multipart/alternative with a
 * quoted-printable text part and HTML part. The headers that are the same for every
 * subscriber (From, Subject, boundary) are encoded once per alert. Building each message
 * through Jakarta Mail's body parts cost most of the sending CPU: every body part,
 * multipart and encoder looks its stream provider up again with a ServiceLoader scan of
 * the jar.
 */
final class AlertMime {

	private final String fromHeader;

	private final InternetAddress from;

	private final String subjectHeader;

	private final String boundary;

	private final QuotedPrintableTemplate text;

	private final QuotedPrintableTemplate html;

	private final Clock clock;

	/**
	 * For one alert: its parts are encoded once, with gaps where each subscriber's name
	 * and links go.
	 */
	AlertMime(InternetAddress from, AlertMails.Rendered rendered, Clock clock) {
		this(from, rendered.subject(), rendered, clock);
	}

	AlertMime(InternetAddress from, String subject, Clock clock) {
		this(from, subject, null, clock);
	}

	private AlertMime(InternetAddress from, String subject, AlertMails.Rendered rendered, Clock clock) {
		this.clock = clock;
		this.text = rendered == null ? null : QuotedPrintableTemplate.of(rendered.text(), rendered);
		this.html = rendered == null ? null : QuotedPrintableTemplate.of(rendered.html(), rendered);
		this.from = from;
		this.fromHeader = from.toString();
		try {
			this.subjectHeader = MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null));
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException("UTF-8 is required by every JVM", e);
		}
		this.boundary = "=_alert_" + Tokens.newToken();
	}

	/**
	 * Only plain ASCII addresses are written here; others go through Jakarta Mail, which
	 * encodes them.
	 */
	static boolean canWrite(String address) {
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c <= ' ' || c >= 127 || c == '<' || c == '>' || c == ',' || c == '"') {
				return false;
			}
		}
		return !address.isEmpty();
	}

	/**
	 * One subscriber's mail from the alert's encoded parts: only the name and the two
	 * links are encoded here.
	 */
	byte[] write(String to, String messageId, Map<String, String> headers, String name, String preferencesUrl,
			String unsubscribeUrl) {
		MimeBytes out = new MimeBytes(text.size() + html.size() + 2048);
		headers(out, to, messageId, headers);
		out.ascii("--" + boundary);
		out.crlf();
		out.header("Content-Type", "text/plain; charset=UTF-8");
		out.header("Content-Transfer-Encoding", "quoted-printable");
		out.crlf();
		text.write(out, name, preferencesUrl, unsubscribeUrl);
		out.crlf();
		out.ascii("--" + boundary);
		out.crlf();
		out.header("Content-Type", "text/html; charset=UTF-8");
		out.header("Content-Transfer-Encoding", "quoted-printable");
		out.crlf();
		html.write(out, HtmlUtils.htmlEscape(name), preferencesUrl, unsubscribeUrl);
		out.crlf();
		out.ascii("--" + boundary + "--");
		out.crlf();
		return out.toByteArray();
	}

	private void headers(MimeBytes out, String to, String messageId, Map<String, String> headers) {
		out.header("Date", date());
		out.header("From", fromHeader);
		out.header("To", to);
		out.header("Message-ID", messageId);
		out.header("Subject", subjectHeader);
		out.header("MIME-Version", "1.0");
		for (Map.Entry<String, String> h : headers.entrySet()) {
			out.header(h.getKey(), h.getValue().replace('\r', ' ').replace('\n', ' '));
		}
		out.header("Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
		out.crlf();
	}

	private String date() {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	/** One subscriber's mail from parts already personalised. */
	byte[] write(String to, String messageId, AlertMails.Personal mail) {
		MimeBytes out = new MimeBytes(mail.text().length() + mail.html().length() * 11 / 10 + 1024);
		out.header("Date", date());
		out.header("From", fromHeader);
		out.header("To", to);
		out.header("Message-ID", messageId);
		out.header("Subject", subjectHeader);
		out.header("MIME-Version", "1.0");
		for (Map.Entry<String, String> h : mail.headers().entrySet()) {
			out.header(h.getKey(), h.getValue().replaceAll("[\\r\\n]+", " "));
		}
		out.header("Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
		out.crlf();
		part(out, "text/plain", mail.text());
		part(out, "text/html", mail.html());
		out.ascii("--" + boundary + "--");
		out.crlf();
		return out.toByteArray();
	}

	private void part(MimeBytes out, String type, String content) {
		out.ascii("--" + boundary);
		out.crlf();
		out.header("Content-Type", type + "; charset=UTF-8");
		out.header("Content-Transfer-Encoding", "quoted-printable");
		out.crlf();
		out.quotedPrintable(content);
		out.crlf();
	}

	MimeMessage message(Session session, byte[] raw) {
		return new RawMessage(session, from, raw);
	}

	/**
	 * A message whose bytes are already written; the SMTP transport asks it only for its
	 * sender and bytes.
	 */
	private static final class RawMessage extends MimeMessage {

		private final Address[] sender;

		private final byte[] raw;

		RawMessage(Session session, InternetAddress from, byte[] raw) {
			super(session);
			this.sender = new Address[] { from };
			this.raw = raw;
		}

		@Override
		public Address[] getFrom() {
			return sender;
		}

		@Override
		public void writeTo(OutputStream out) throws IOException {
			out.write(raw);
		}

		@Override
		public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
			out.write(raw);
		}

		@Override
		public void saveChanges() throws MessagingException {
			// nothing to update: the bytes are final
		}

	}

}
