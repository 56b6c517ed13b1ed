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

/**
 * The hand-written MIME of alert mails, parsed back with Jakarta Mail: every header, both
 * parts and each subscriber's own name and links.
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

	@Test
	void bothPartsAndTheHeadersRoundTrip() throws Exception {
		AlertMime mime = new AlertMime(from(), "Prayer alert: Pray for 北韩 refugees — now", CLOCK);
		String html = "<p>" + TEXT.replace("\n", "<br>\n") + "</p>";
		byte[] raw = mime.write("reader@example.org", "<alert-1-2@example.org>",
				new AlertMails.Personal("ignored", TEXT, html,
						Map.of("List-Unsubscribe", "<https://example.org/alerts/unsubscribe/2/abc>",
								"List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));

		MimeMessage message = parse(raw);
		assertHeaders(message, "Prayer alert: Pray for 北韩 refugees — now", "reader@example.org",
				"<alert-1-2@example.org>");
		assertThat(message.getHeader("List-Unsubscribe"))
			.containsExactly("<https://example.org/alerts/unsubscribe/2/abc>");
		assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		BodyPart[] parts = parts(message);
		assertThat(decoded(parts[0])).isEqualTo(TEXT);
		assertThat(decoded(parts[1])).isEqualTo(html);
	}

	@Test
	void theEncodedOnceTemplateGivesEachSubscriberTheirOwnNameAndLinks() throws Exception {
		String text = "Dear @@n@@,\n\n" + TEXT + "\nSettings: @@p@@\nLeave: @@u@@";
		String html = "<p>Dear @@n@@,</p>\n<p>" + "Long paragraph é ".repeat(20) + "<a href=\"@@p@@\">settings</a> "
				+ "<a href=\"@@u@@\">leave</a></p>";
		AlertMails.Rendered rendered = new AlertMails.Rendered("Prayer alert: Pray", text, html, "@@n@@", "@@p@@",
				"@@u@@", "friend");
		AlertMime mime = new AlertMime(from(), rendered, CLOCK);
		String prefs = "https://example.org/alerts/preferences/12/" + "A".repeat(22);
		String leave = "https://example.org/alerts/unsubscribe/12/" + "B".repeat(22);
		byte[] raw = mime.write("reader@example.org", "<alert-1-12@example.org>",
				Map.of("List-Unsubscribe", "<" + leave + ">"), "Ann <Lee> & co", prefs, leave);

		MimeMessage message = parse(raw);
		assertHeaders(message, "Prayer alert: Pray", "reader@example.org", "<alert-1-12@example.org>");
		assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + leave + ">");
		BodyPart[] parts = parts(message);
		assertThat(decoded(parts[0]))
			.isEqualTo(text.replace("@@n@@", "Ann <Lee> & co").replace("@@p@@", prefs).replace("@@u@@", leave));
		assertThat(decoded(parts[1])).isEqualTo(
				html.replace("@@n@@", "Ann &lt;Lee&gt; &amp; co").replace("@@p@@", prefs).replace("@@u@@", leave));

		// The next subscriber, written from the same encoded parts, gets only their own.
		String prefs13 = "https://example.org/alerts/preferences/13/" + "C".repeat(22);
		String leave13 = "https://example.org/alerts/unsubscribe/13/" + "D".repeat(22);
		MimeMessage next = parse(
				mime.write("other@example.org", "<alert-1-13@example.org>", Map.of(), "Bo", prefs13, leave13));
		assertHeaders(next, "Prayer alert: Pray", "other@example.org", "<alert-1-13@example.org>");
		BodyPart[] nextParts = parts(next);
		assertThat(decoded(nextParts[0]))
			.isEqualTo(text.replace("@@n@@", "Bo").replace("@@p@@", prefs13).replace("@@u@@", leave13));
		assertThat(decoded(nextParts[1]))
			.isEqualTo(html.replace("@@n@@", "Bo").replace("@@p@@", prefs13).replace("@@u@@", leave13))
			.doesNotContain("Ann", prefs, leave);
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
		assertThat(AlertMime.canWrite("reader@example.org")).isTrue();
		assertThat(AlertMime.canWrite("rëader@example.org")).isFalse();
		assertThat(AlertMime.canWrite("a@example.org\r\nBcc: x@example.org")).isFalse();
		assertThat(AlertMime.canWrite("")).isFalse();
	}

}
