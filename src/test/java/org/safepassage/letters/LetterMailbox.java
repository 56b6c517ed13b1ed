package org.safepassage.letters;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.safepassage.MailParts;

/** The mails the SMTP server received for one address, and the links in them. */
public final class LetterMailbox {

	public static final Pattern CONFIRM_LINK = Pattern
		.compile("http://\\S+(/letters/confirm\\?token=[A-Za-z0-9_-]{32})");

	public static final Pattern REPLY_LINK = Pattern.compile("http://\\S+(/letters/reply\\?token=[A-Za-z0-9_-]{32})");

	private LetterMailbox() {
	}

	public static List<MimeMessage> to(GreenMail mail, String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
	}

	/** Waits for the n-th mail to an address (the outbox worker delivers it). */
	public static MimeMessage awaitMail(GreenMail mail, String address, int n) {
		await().atMost(Duration.ofSeconds(15)).until(() -> to(mail, address).size() >= n);
		return to(mail, address).get(n - 1);
	}

	/** The path of the link in a mail's text part. */
	public static String path(MimeMessage message, Pattern link) throws Exception {
		Matcher matcher = link.matcher(MailParts.text(message));
		if (!matcher.find()) {
			throw new AssertionError("No link in " + MailParts.text(message));
		}
		return matcher.group(1);
	}

	public static String token(String path) {
		return path.substring(path.indexOf("token=") + 6);
	}

	private static boolean isTo(MimeMessage m, String address) {
		try {
			return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
				.anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
