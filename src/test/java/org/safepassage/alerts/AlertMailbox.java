package org.safepassage.alerts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.safepassage.MailParts;

/**
 * Reads the shared GreenMail server by recipient (other tests' mail may be arriving at
 * the same time).
 */
public final class AlertMailbox {

	static final Pattern CONFIRM_LINK = Pattern.compile("http://\\S+/alerts/confirm\\?token=([A-Za-z0-9_-]{32})");

	private AlertMailbox() {
	}

	public static List<MimeMessage> to(GreenMail mail, String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
	}

	public static MimeMessage await(GreenMail mail, String address, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> to(mail, address).size() >= count);
		return to(mail, address).get(count - 1);
	}

	public static List<String> recipients(MimeMessage m) {
		try {
			Address[] all = m.getAllRecipients();
			return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public static String confirmToken(MimeMessage message) throws Exception {
		Matcher matcher = CONFIRM_LINK.matcher(MailParts.text(message));
		if (!matcher.find()) {
			throw new AssertionError("no confirmation link in " + MailParts.text(message));
		}
		return matcher.group(1);
	}

	public static String header(MimeMessage message, String name) {
		try {
			String[] values = message.getHeader(name);
			return values == null ? null : values[0];
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
