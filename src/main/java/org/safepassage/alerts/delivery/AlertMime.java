package org.safepassage.alerts.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private final String fromHeader;

	private final InternetAddress from;

	private final String subjectHeader;

	private final String boundary;

	private final QpTemplate text;

	private final QpTemplate html;

	/**
	 * For one alert: its parts are encoded once, with gaps where each subscriber's name
	 * and links go.
	 */
	AlertMime(InternetAddress from, AlertMails.Rendered rendered) {
		this(from, rendered.subject(), rendered);
	}

	AlertMime(InternetAddress from, String subject) {
		this(from, subject, null);
	}

	private AlertMime(InternetAddress from, String subject, AlertMails.Rendered rendered) {
		this.text = rendered == null ? null : QpTemplate.of(rendered.text(), rendered);
		this.html = rendered == null ? null : QpTemplate.of(rendered.html(), rendered);
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
		Bytes out = new Bytes(text.size() + html.size() + 2048);
		headers(out, to, messageId, headers);
		ascii(out, "--" + boundary);
		out.writeBytes(CRLF);
		header(out, "Content-Type", "text/plain; charset=UTF-8");
		header(out, "Content-Transfer-Encoding", "quoted-printable");
		out.writeBytes(CRLF);
		text.write(out, name, preferencesUrl, unsubscribeUrl);
		out.writeBytes(CRLF);
		ascii(out, "--" + boundary);
		out.writeBytes(CRLF);
		header(out, "Content-Type", "text/html; charset=UTF-8");
		header(out, "Content-Transfer-Encoding", "quoted-printable");
		out.writeBytes(CRLF);
		html.write(out, HtmlUtils.htmlEscape(name), preferencesUrl, unsubscribeUrl);
		out.writeBytes(CRLF);
		ascii(out, "--" + boundary + "--");
		out.writeBytes(CRLF);
		return out.toByteArray();
	}

	private void headers(Bytes out, String to, String messageId, Map<String, String> headers) {
		header(out, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
		header(out, "From", fromHeader);
		header(out, "To", to);
		header(out, "Message-ID", messageId);
		header(out, "Subject", subjectHeader);
		header(out, "MIME-Version", "1.0");
		for (Map.Entry<String, String> h : headers.entrySet()) {
			header(out, h.getKey(), h.getValue().replace('\r', ' ').replace('\n', ' '));
		}
		header(out, "Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
		out.writeBytes(CRLF);
	}

	/**
	 * Quoted-printable text with gaps. Each constant piece is encoded once and closed
	 * with a soft line break ("=" CRLF, which decoding removes), so each gap's value
	 * starts at column 0 and lines never pass 76.
	 */
	private record QpTemplate(List<byte[]> pieces, List<Integer> gaps, int size) {

		static QpTemplate of(String content, AlertMails.Rendered markers) {
			List<String> names = List.of(markers.nameMarker(), markers.preferencesMarker(),
					markers.unsubscribeMarker());
			List<byte[]> pieces = new ArrayList<>();
			List<Integer> gaps = new ArrayList<>();
			int from = 0;
			int size = 0;
			while (true) {
				int next = -1;
				int which = -1;
				for (int i = 0; i < names.size(); i++) {
					int at = content.indexOf(names.get(i), from);
					if (at >= 0 && (next < 0 || at < next)) {
						next = at;
						which = i;
					}
				}
				String piece = content.substring(from, next < 0 ? content.length() : next);
				Bytes encoded = new Bytes(piece.length() * 2 + 8);
				quotedPrintable(piece, encoded);
				if (next >= 0 && !piece.isEmpty() && !piece.endsWith("\n")) {
					encoded.write('=');
					encoded.writeBytes(CRLF);
				}
				byte[] bytes = encoded.toByteArray();
				pieces.add(bytes);
				size += bytes.length;
				if (next < 0) {
					return new QpTemplate(pieces, gaps, size);
				}
				gaps.add(which);
				from = next + names.get(which).length();
			}
		}

		void write(Bytes out, String... values) {
			for (int i = 0; i < pieces.size(); i++) {
				out.writeBytes(pieces.get(i));
				if (i < gaps.size()) {
					String value = values[gaps.get(i)];
					quotedPrintable(value, out);
					if (!value.isEmpty() && !value.endsWith("\n")) {
						out.write('=');
						out.writeBytes(CRLF);
					}
				}
			}
		}
	}

	byte[] write(String to, String messageId, AlertMails.Personal mail) {
		Bytes out = new Bytes(mail.text().length() + mail.html().length() * 11 / 10 + 1024);
		header(out, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
		header(out, "From", fromHeader);
		header(out, "To", to);
		header(out, "Message-ID", messageId);
		header(out, "Subject", subjectHeader);
		header(out, "MIME-Version", "1.0");
		for (Map.Entry<String, String> h : mail.headers().entrySet()) {
			header(out, h.getKey(), h.getValue().replaceAll("[\\r\\n]+", " "));
		}
		header(out, "Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
		out.writeBytes(CRLF);
		part(out, "text/plain", mail.text());
		part(out, "text/html", mail.html());
		ascii(out, "--" + boundary + "--");
		out.writeBytes(CRLF);
		return out.toByteArray();
	}

	/**
	 * An unsynchronised byte buffer: ByteArrayOutputStream locks on every byte written.
	 */
	static final class Bytes {

		private byte[] buffer;

		private int length;

		Bytes(int capacity) {
			buffer = new byte[Math.max(capacity, 64)];
		}

		void ensure(int more) {
			if (length + more > buffer.length) {
				buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
			}
		}

		void write(int b) {
			if (length == buffer.length) {
				buffer = Arrays.copyOf(buffer, buffer.length * 2);
			}
			buffer[length++] = (byte) b;
		}

		void writeBytes(byte[] bytes) {
			if (length + bytes.length > buffer.length) {
				buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes.length));
			}
			System.arraycopy(bytes, 0, buffer, length, bytes.length);
			length += bytes.length;
		}

		byte[] toByteArray() {
			return Arrays.copyOf(buffer, length);
		}

		@Override
		public String toString() {
			return new String(buffer, 0, length, StandardCharsets.US_ASCII);
		}

	}

	private void part(Bytes out, String type, String content) {
		ascii(out, "--" + boundary);
		out.writeBytes(CRLF);
		header(out, "Content-Type", type + "; charset=UTF-8");
		header(out, "Content-Transfer-Encoding", "quoted-printable");
		out.writeBytes(CRLF);
		quotedPrintable(content, out);
		out.writeBytes(CRLF);
	}

	private static void header(Bytes out, String name, String value) {
		ascii(out, name);
		out.write(':');
		out.write(' ');
		ascii(out, value);
		out.writeBytes(CRLF);
	}

	private static void ascii(Bytes out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * RFC 2045 quoted-printable of UTF-8 text; line breaks become CRLF, lines are at most
	 * 76 characters.
	 */
	static void quotedPrintable(String text, Bytes out) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.ensure(bytes.length * 3 + bytes.length / 25 * 3 + 16);
		int column = 0;
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xff;
			if (b == '\r') {
				continue;
			}
			if (b == '\n') {
				out.writeBytes(CRLF);
				column = 0;
				continue;
			}
			boolean endOfLine = i + 1 == bytes.length || bytes[i + 1] == '\n' || bytes[i + 1] == '\r';
			boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !endOfLine);
			int width = literal ? 1 : 3;
			if (column + width > 75) {
				out.write('=');
				out.writeBytes(CRLF);
				column = 0;
			}
			if (literal) {
				out.write(b);
			}
			else {
				out.write('=');
				out.write(HEX[b >> 4]);
				out.write(HEX[b & 0xf]);
			}
			column += width;
		}
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
