package org.safepassage.system.mail;

import java.security.SecureRandom;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

/**
 * Message-IDs unique in the world, not only in one database: 135 random bits and the
 * domain of {@code safepassage.mail.from}. Drawn when a mail is queued and stored with
 * it, so every retry and a repeat after a crash carry the same one.
 */
@Component
public class MessageIds {

	private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String domain;

	MessageIds(MailProperties properties) {
		this.domain = domainOf(properties.from());
	}

	/** The part after the {@code @}, used by sources that draw their IDs in SQL. */
	public String domain() {
		return domain;
	}

	public String next() {
		byte[] bytes = new byte[17];
		RANDOM.nextBytes(bytes);
		StringBuilder id = new StringBuilder(40).append('<');
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				id.append(BASE32[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
			}
		}
		return id.append('@').append(domain).append('>').toString();
	}

	static String domainOf(String from) {
		try {
			String address = new InternetAddress(from, true).getAddress();
			String host = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
			return host.isBlank() ? "localhost" : host;
		}
		catch (AddressException e) {
			throw new IllegalStateException("safepassage.mail.from is not a mail address: " + from, e);
		}
	}

}
