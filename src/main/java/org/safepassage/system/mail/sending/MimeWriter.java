package org.safepassage.system.mail.sending;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.safepassage.system.mail.MailSource.Queued;

/**
 * Writes each mail straight to MIME bytes: multipart/alternative with a quoted-printable
 * UTF-8 text part and HTML part, an RFC 2047 subject, Date, Message-ID, Auto-Submitted
 * and the mail's own headers. Building messages through Jakarta Mail's body parts cost
 * most of the sending CPU (every body part, multipart and encoder looks its stream
 * provider up again with a ServiceLoader scan of the jar); it is used only for addresses
 * this writer does not write by hand.
 */
final class MimeWriter {

	private static final int SUBJECTS_REMEMBERED = 1000;

	private final InternetAddress from;

	private final String fromHeader;

	private final Clock clock;

	private final Map<String, String> encodedSubjects = new ConcurrentHashMap<>();

	MimeWriter(InternetAddress from, Clock clock) {
		this.from = from;
		this.fromHeader = from.toString();
		this.clock = clock;
	}

	/** The message to hand to the SMTP transport, and its one recipient. */
	record Written(MimeMessage message, Address[] recipients) {
	}

	Written write(Session session, Queued mail) throws MessagingException {
		if (!canWrite(mail.recipient())) {
			MimeMessage message = jakartaMessage(session, mail);
			return new Written(message, message.getAllRecipients());
		}
		InternetAddress to = new InternetAddress();
		to.setAddress(mail.recipient());
		return new Written(new RawMessage(session, from, bytes(mail)), new Address[] { to });
	}

	/**
	 * Only plain ASCII addresses are written here; others go through Jakarta Mail, which
	 * encodes or refuses them.
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

	byte[] bytes(Queued mail) {
		// "=_" never occurs in quoted-printable text ("=" is written "=3D"), so the
		// boundary needs no secure randomness to stay out of the parts.
		String boundary = "=_sp_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
		MimeBytes out = new MimeBytes(mail.text().length() + mail.html().length() * 11 / 10 + 1024);
		out.header("Date", date());
		out.header("From", fromHeader);
		out.header("To", mail.recipient());
		out.header("Message-ID", mail.messageId());
		out.header("Subject", subject(mail.subject()));
		out.header("MIME-Version", "1.0");
		if (mail.automated() && !mail.headers().containsKey("Auto-Submitted")) {
			out.header("Auto-Submitted", "auto-generated");
		}
		for (Map.Entry<String, String> h : mail.headers().entrySet()) {
			out.header(h.getKey(), headerValue(h.getValue()));
		}
		out.header("Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
		out.crlf();
		part(out, boundary, "text/plain", mail.text());
		part(out, boundary, "text/html", mail.html());
		out.ascii("--" + boundary + "--");
		out.crlf();
		return out.toByteArray();
	}

	private static void part(MimeBytes out, String boundary, String type, String content) {
		out.ascii("--" + boundary);
		out.crlf();
		out.header("Content-Type", type + "; charset=UTF-8");
		out.header("Content-Transfer-Encoding", "quoted-printable");
		out.crlf();
		out.quotedPrintable(content);
		out.crlf();
	}

	/** Confirmations share a few subjects: each is encoded once. */
	private String subject(String subject) {
		String encoded = encodedSubjects.get(subject);
		if (encoded == null) {
			encoded = MimeUtility.fold(9, encode(subject.replaceAll("[\\r\\n]+", " ")));
			if (encodedSubjects.size() < SUBJECTS_REMEMBERED) {
				encodedSubjects.put(subject, encoded);
			}
		}
		return encoded;
	}

	private static String headerValue(String value) {
		String oneLine = value.replaceAll("[\\r\\n]+", " ");
		for (int i = 0; i < oneLine.length(); i++) {
			if (oneLine.charAt(i) >= 127) {
				return MimeUtility.fold(30, encode(oneLine));
			}
		}
		return oneLine;
	}

	private static String encode(String text) {
		try {
			return MimeUtility.encodeText(text, "UTF-8", null);
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException("UTF-8 is required by every JVM", e);
		}
	}

	private String date() {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	/** Through Jakarta Mail, for addresses not written by hand. */
	private MimeMessage jakartaMessage(Session session, Queued mail) throws MessagingException {
		String messageId = mail.messageId();
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(from);
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
		message.setSubject(mail.subject(), "UTF-8");
		message.setSentDate(Date.from(clock.instant()));
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html(), "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		if (mail.automated() && !mail.headers().containsKey("Auto-Submitted")) {
			message.setHeader("Auto-Submitted", "auto-generated");
		}
		for (Map.Entry<String, String> header : mail.headers().entrySet()) {
			message.setHeader(header.getKey(), headerValue(header.getValue()));
		}
		return message;
	}

	static InternetAddress parseFrom(String from) {
		try {
			return new InternetAddress(from, true);
		}
		catch (AddressException e) {
			throw new IllegalStateException("safepassage.mail.from is not a mail address: " + from, e);
		}
	}

}
