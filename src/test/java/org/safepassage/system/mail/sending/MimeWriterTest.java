package org.safepassage.system.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.safepassage.system.mail.MailSource.Queued;

/**
 * The hand-written MIME of every mail, parsed back with Jakarta Mail: every header, both
 * parts and each recipient's own name and links.
 */
class MimeWriterTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneOffset.UTC);

	static final String TEXT = "Dear 김민준,\n\nPreserve me, O God: for in thee do I put my trust. = 100% \n"
			+ "A line that is rather long, long enough to need a soft line break somewhere in the middle of it, and then "
			+ "some more, with “quotes” and é and 中文 characters right at the edge of the seventy-six column limit.\n"
			+ ".A line starting with a dot\n\tTabbed line with trailing tab\t\nEnd";

	static InternetAddress from() throws Exception {
		return new InternetAddress("SafePassage <no-reply@example.org>", true);
	}

	/** Parses the bytes; fails on empty or truncated output. */
	static MimeMessage parse(byte[] raw) throws Exception {
		assertThat(raw).isNotEmpty();
		for (String line : new String(raw, StandardCharsets.US_ASCII).split("\r\n")) {
			assertThat(line.length()).isLessThanOrEqualTo(998);
		}
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
	}

	/** The two parts of a multipart/alternative mail, text first. */
	static BodyPart[] parts(MimeMessage message) throws Exception {
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		MimeMultipart multipart = (MimeMultipart) message.getContent();
		assertThat(multipart.getCount()).isEqualTo(2);
		BodyPart text = multipart.getBodyPart(0);
		BodyPart html = multipart.getBodyPart(1);
		assertThat(text.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
		assertThat(html.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
		assertThat(text.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		assertThat(html.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		return new BodyPart[] { text, html };
	}

	static String decoded(BodyPart part) throws Exception {
		return ((String) part.getContent()).replace("\r\n", "\n");
	}

	static void assertHeaders(MimeMessage message, String subject, String to, String messageId) throws Exception {
		assertThat(message.getSubject()).isEqualTo(subject);
		assertThat(message.getFrom()).hasSize(1);
		assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@example.org");
		assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("SafePassage");
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(to);
		assertThat(message.getHeader("Message-ID")).containsExactly(messageId);
		assertThat(message.getHeader("MIME-Version")).containsExactly("1.0");
		assertThat(message.getSentDate()).isEqualTo(Date.from(CLOCK.instant()));
	}

	static MimeWriter writer() throws Exception {
		return new MimeWriter(from(), CLOCK);
	}

	static Queued mail(String to, String messageId, String subject, String text, String html,
			Map<String, String> headers, boolean automated) {
		return new Queued(1, to, messageId, 1, subject, text, html, headers, automated, Instant.EPOCH);
	}

	@Test
	void bothPartsAndTheHeadersRoundTrip() throws Exception {
		String html = "<p>" + TEXT.replace("\n", "<br>\n") + "</p>";
		byte[] raw = writer()
			.bytes(mail("reader@example.org", "<abc234@example.org>", "Prayer alert: Pray for 北韩 refugees — now", TEXT,
					html, Map.of("List-Unsubscribe", "<https://example.org/alerts/unsubscribe/2/abc>",
							"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
					true));

		MimeMessage message = parse(raw);
		assertHeaders(message, "Prayer alert: Pray for 北韩 refugees — now", "reader@example.org",
				"<abc234@example.org>");
		assertThat(message.getHeader("List-Unsubscribe"))
			.containsExactly("<https://example.org/alerts/unsubscribe/2/abc>");
		assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		BodyPart[] parts = parts(message);
		assertThat(decoded(parts[0])).isEqualTo(TEXT);
		assertThat(decoded(parts[1])).isEqualTo(html);
	}

	@Test
	void eachMailGetsOnlyItsOwnNameAndLinks() throws Exception {
		MimeWriter writer = writer();
		String prefs = "https://example.org/alerts/preferences/12/" + "A".repeat(22);
		String leave = "https://example.org/alerts/unsubscribe/12/" + "B".repeat(22);
		String text = "Dear Ann <Lee> & co,\n\n" + TEXT + "\nSettings: " + prefs + "\nLeave: " + leave;
		String html = "<p>Dear Ann &lt;Lee&gt; &amp; co,</p>\n<p>" + "Long paragraph é ".repeat(20) + "<a href=\""
				+ prefs + "\">settings</a> " + "<a href=\"" + leave + "\">leave</a></p>";
		MimeMessage message = parse(writer.bytes(mail("reader@example.org", "<id12@example.org>", "Prayer alert: Pray",
				text, html, Map.of("List-Unsubscribe", "<" + leave + ">"), true)));
		assertHeaders(message, "Prayer alert: Pray", "reader@example.org", "<id12@example.org>");
		assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + leave + ">");
		BodyPart[] parts = parts(message);
		assertThat(decoded(parts[0])).isEqualTo(text);
		assertThat(decoded(parts[1])).isEqualTo(html);

		// The next mail from the same writer (its subject encoded once) gets only its
		// own.
		String prefs13 = "https://example.org/alerts/preferences/13/" + "C".repeat(22);
		String text13 = "Dear Bo,\nSettings: " + prefs13;
		MimeMessage next = parse(writer.bytes(mail("other@example.org", "<id13@example.org>", "Prayer alert: Pray",
				text13, "<p>" + prefs13 + "</p>", Map.of(), true)));
		assertHeaders(next, "Prayer alert: Pray", "other@example.org", "<id13@example.org>");
		BodyPart[] nextParts = parts(next);
		assertThat(decoded(nextParts[0])).isEqualTo(text13).doesNotContain("Ann", prefs, leave);
	}

	@Test
	void aPersonsOwnLetterIsNotMarkedAutomated() throws Exception {
		MimeMessage letter = parse(writer().bytes(mail("mp@example.org", "<l1@example.org>", "From a constituent",
				"Dear MP", "<p>Dear MP</p>", Map.of(), false)));
		assertThat(letter.getHeader("Auto-Submitted")).isNull();
		MimeMessage own = parse(writer().bytes(mail("mp@example.org", "<l2@example.org>", "Reply", "x", "<p>x</p>",
				Map.of("Auto-Submitted", "auto-replied"), true)));
		assertThat(own.getHeader("Auto-Submitted")).containsExactly("auto-replied");
	}

	@Test
	void quotedPrintableLinesStayWithinSeventySixCharacters() throws Exception {
		String text = "é".repeat(500) + " " + "x".repeat(300);
		MimeBytes out = new MimeBytes(64);
		out.quotedPrintable(text);
		String encoded = out.toString();
		assertThat(encoded.split("\r\n")).hasSizeGreaterThan(1);
		for (String line : encoded.split("\r\n")) {
			assertThat(line.length()).isLessThanOrEqualTo(76);
		}
		try (InputStream decoded = MimeUtility.decode(new ByteArrayInputStream(out.toByteArray()),
				"quoted-printable")) {
			assertThat(new String(decoded.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
		}
	}

	@Test
	void onlyPlainAddressesAreWrittenByHand() {
		assertThat(MimeWriter.canWrite("reader@example.org")).isTrue();
		assertThat(MimeWriter.canWrite("rëader@example.org")).isFalse();
		assertThat(MimeWriter.canWrite("a@example.org\r\nBcc: x@example.org")).isFalse();
		assertThat(MimeWriter.canWrite("")).isFalse();
	}

}
