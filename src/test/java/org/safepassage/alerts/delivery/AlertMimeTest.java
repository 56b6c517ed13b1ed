package org.safepassage.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safepassage.MailParts;

/** The hand-written MIME of alert mails reads back exactly with Jakarta Mail. */
class AlertMimeTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneOffset.UTC);

	static final String TEXT = "Dear 김민준,\n\nPreserve me, O God: for in thee do I put my trust. = 100% \n"
			+ "A line that is rather long, long enough to need a soft line break somewhere in the middle of it, and then "
			+ "some more, with “quotes” and é and 中文 characters right at the edge of the seventy-six column limit.\n"
			+ ".A line starting with a dot\n\tTabbed line with trailing tab\t\nEnd";

	@Test
	void bothPartsAndTheHeadersRoundTrip() throws Exception {
		AlertMime mime = new AlertMime(new InternetAddress("SafePassage <no-reply@example.org>", true),
				"Prayer alert: Pray for 北韩 refugees — now", CLOCK);
		String html = "<p>" + TEXT.replace("\n", "<br>\n") + "</p>";
		byte[] raw = mime.write("reader@example.org", "<alert-1-2@example.org>",
				new AlertMails.Personal("ignored", TEXT, html,
						Map.of("List-Unsubscribe", "<https://example.org/alerts/unsubscribe/2/abc>",
								"List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
		for (String line : new String(raw, StandardCharsets.US_ASCII).split("\r\n")) {
			assertThat(line.length()).isLessThanOrEqualTo(998);
		}
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
		assertThat(message.getSubject()).isEqualTo("Prayer alert: Pray for 北韩 refugees — now", CLOCK);
		assertThat(message.getHeader("Message-ID")[0]).isEqualTo("<alert-1-2@example.org>");
		assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		assertThat(MailParts.text(message).replace("\r\n", "\n")).isEqualTo(TEXT);
		assertThat(MailParts.html(message).replace("\r\n", "\n")).isEqualTo(html);
		assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@example.org");
	}

	@Test
	void theEncodedOnceTemplateGivesEachSubscriberTheirOwnNameAndLinks() throws Exception {
		String text = "Dear @@n@@,\n\n" + TEXT + "\nSettings: @@p@@\nLeave: @@u@@";
		String html = "<p>Dear @@n@@,</p>\n<p>" + "Long paragraph é ".repeat(20) + "<a href=\"@@p@@\">settings</a> "
				+ "<a href=\"@@u@@\">leave</a></p>";
		AlertMails.Rendered rendered = new AlertMails.Rendered("Prayer alert: Pray", text, html, "@@n@@", "@@p@@",
				"@@u@@", "friend");
		AlertMime mime = new AlertMime(new InternetAddress("SafePassage <no-reply@example.org>", true), rendered,
				CLOCK);
		String prefs = "https://example.org/alerts/preferences/12/" + "A".repeat(22);
		String leave = "https://example.org/alerts/unsubscribe/12/" + "B".repeat(22);
		byte[] raw = mime.write("reader@example.org", "<alert-1-12@example.org>", Map.of(), "Ann <Lee> & co", prefs,
				leave);
		for (String line : new String(raw, StandardCharsets.US_ASCII).split("\r\n")) {
			assertThat(line.length()).isLessThanOrEqualTo(998);
		}
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
		assertThat(MailParts.text(message).replace("\r\n", "\n"))
			.isEqualTo(text.replace("@@n@@", "Ann <Lee> & co").replace("@@p@@", prefs).replace("@@u@@", leave));
		assertThat(MailParts.html(message).replace("\r\n", "\n")).isEqualTo(
				html.replace("@@n@@", "Ann &lt;Lee&gt; &amp; co").replace("@@p@@", prefs).replace("@@u@@", leave));
	}

	@Test
	void quotedPrintableLinesStayWithinSeventySixCharacters() {
		MimeBytes out = new MimeBytes(64);
		out.quotedPrintable("é".repeat(500) + " " + "x".repeat(300));
		for (String line : out.toString().split("\r\n")) {
			assertThat(line.length()).isLessThanOrEqualTo(76);
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
