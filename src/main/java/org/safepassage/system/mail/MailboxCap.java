package org.safepassage.system.mail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.safepassage.shared.CanonicalEmail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One mailbox gets at most {@code safepassage.mail.mailbox-cap.per-day} confirmation-type
 * mails a day (signature confirmations, "already signed", subscription confirmations,
 * "already subscribed") from all public forms together, however its address is written
 * ({@link CanonicalEmail}). Anyone can type anyone's address into a public form, from as
 * many client addresses as they have; this bounds what that can do to one person. A form
 * over the cap answers exactly as usual and sends nothing.
 * <p>
 * Counted in the caller's transaction, so a mail is counted if and only if it is queued,
 * with one statement for a whole batch of mails. Days are UTC days. The table holds an
 * HMAC-SHA-256 of each canonical address (the key is made once per database), not the
 * address, and only for today and yesterday.
 */
@Service
public class MailboxCap {

	private static final String HMAC = "HmacSHA256";

	private final JdbcClient jdbc;

	private final MailboxCapProperties properties;

	private final Clock clock;

	private volatile SecretKeySpec key;

	MailboxCap(JdbcClient jdbc, MailboxCapProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether one more mail may go to this address today; counts it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean allows(String recipient) {
		return !allowed(List.of(recipient), Function.identity()).isEmpty();
	}

	/**
	 * Of these items, in their order, those whose mailbox may still get a mail today.
	 * Every item is counted, sent or not, so that a flood stays over the cap.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <T> List<T> allowed(List<T> items, Function<T, String> recipient) {
		return allowed(items, recipient, "", properties.perDay());
	}

	/**
	 * As {@link #allowed(List, Function)}, for mails of another kind with their own cap
	 * and their own count a day, kept apart from the public forms' (a signer's updates do
	 * not use up the confirmations they may need the same day). {@code kind} names the
	 * count, e.g. {@code petitions.updates}; it is hashed with the address, so the table
	 * still holds no address and no kind in clear.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <T> List<T> allowed(List<T> items, Function<T, String> recipient, String kind, int perDay) {
		if (items.isEmpty()) {
			return List.of();
		}
		Mac mac = mac();
		byte[] prefix = kind.isEmpty() ? new byte[0] : (kind + "\n").getBytes(StandardCharsets.UTF_8);
		List<ByteBuffer> mailboxes = new ArrayList<>(items.size());
		Map<ByteBuffer, Long> wanted = new LinkedHashMap<>();
		for (T item : items) {
			mac.update(prefix);
			ByteBuffer mailbox = ByteBuffer
				.wrap(mac.doFinal(CanonicalEmail.of(recipient.apply(item)).getBytes(StandardCharsets.UTF_8)));
			mailboxes.add(mailbox);
			wanted.merge(mailbox, 1L, Long::sum);
		}
		Map<ByteBuffer, Long> sentBefore = new HashMap<>();
		jdbc.sql(MailQueries.COUNT_MAILBOX_MAILS)
			.param("day", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("mailboxes", wanted.keySet().stream().map(ByteBuffer::array).toArray(byte[][]::new))
			.param("counts", wanted.values().toArray(Long[]::new))
			.query(rs -> {
				ByteBuffer mailbox = ByteBuffer.wrap(rs.getBytes(1));
				sentBefore.put(mailbox, rs.getLong(2) - wanted.get(mailbox));
			});
		List<T> allowed = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			if (sentBefore.merge(mailboxes.get(i), 1L, Long::sum) <= perDay) {
				allowed.add(items.get(i));
			}
		}
		return allowed;
	}

	/** The counts are needed for today only; yesterday's are kept for a day's overlap. */
	@Transactional
	public void forgetEarlierDays() {
		jdbc.sql(MailQueries.FORGET_EARLIER_DAYS)
			.param("yesterday", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1))
			.update();
	}

	private Mac mac() {
		SecretKeySpec secret = key;
		if (secret == null) {
			secret = new SecretKeySpec(jdbc.sql(MailQueries.MAILBOX_KEY).query(byte[].class).single(), HMAC);
			key = secret;
		}
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(secret);
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
		}
	}

}
