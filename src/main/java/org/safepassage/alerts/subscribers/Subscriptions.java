package org.safepassage.alerts.subscribers;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.safepassage.alerts.delivery.AlertMails;
import org.safepassage.alerts.domain.AlertQueries;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.petitions.PetitionEvents.SignatureConfirmed;
import org.safepassage.shared.Tokens;
import org.safepassage.system.mail.MailboxCap;
import org.safepassage.system.mail.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing with double opt-in, confirming, preferences and leaving. Every mail it
 * causes is written to the outbox in the same transaction, and only ever to the address
 * that was typed or is on file.
 */
@Service
public class Subscriptions {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final AlertMails mails;

	private final AlertLinks links;

	private final AlertsProperties properties;

	private final Clock clock;

	private final MailboxCap mailboxCap;

	private final SubscribeAttempts attempts;

	Subscriptions(JdbcClient jdbc, Outbox outbox, AlertMails mails, AlertLinks links, AlertsProperties properties,
			Clock clock, MailboxCap mailboxCap, SubscribeAttempts attempts) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.mailboxCap = mailboxCap;
		this.attempts = attempts;
		this.mails = mails;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
	}

	public enum SubscriberState {

		PENDING, CONFIRMED, UNSUBSCRIBED, BOUNCING

	}

	public record Subscriber(long id, String email, String name, String language, List<String> topics,
			List<Long> campaigns, SubscriberState state) {
	}

	private record Existing(long id, SubscriberState state, int confirmationMails) {
	}

	static String emailKey(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Answers the same whatever the address's state, so the form reveals nothing about
	 * who subscribes. A new or returning address gets a confirmation link; a subscribed
	 * one gets its preferences link; at most {@code confirmation-mails} such mails per
	 * address until it is confirmed. A pending address gets a new link and keeps the ones
	 * it has. Nothing at all happens over the per-address limits
	 * ({@link SubscriptionLimits}) or the {@link MailboxCap}.
	 */
	@Transactional
	public void subscribe(String typedEmail, String name, String typedLanguage, List<String> topicNames,
			String clientAddress) {
		if (attempts.overLimits(clientAddress)) {
			return;
		}
		String email = typedEmail.strip();
		String language = properties.language(typedLanguage);
		String[] topics = topicNames.toArray(String[]::new);
		String token = Tokens.newToken();
		Optional<Existing> existing = existing(email);
		if (existing.isEmpty()) {
			if (!mailboxCap.allows(email)) {
				return;
			}
			// If a concurrent request for this address inserts first, that one mails.
			jdbc.sql(AlertQueries.INSERT_PENDING_SUBSCRIBER)
				.param("email", email)
				.param("emailKey", emailKey(email))
				.param("name", name)
				.param("language", language)
				.param("topics", topics)
				.param("tokenHash", Tokens.hash(token))
				.param("expiresAt", linkExpiry())
				.query(Long.class)
				.optional()
				.ifPresent(id -> outbox.enqueue(mails.confirmation(email, name, language, token)));
			return;
		}
		Existing found = existing.orElseThrow();
		if (found.state() == SubscriberState.CONFIRMED) {
			if (found.confirmationMails() < properties.confirmationMails() && mailboxCap.allows(email)) {
				jdbc.sql(AlertQueries.COUNT_CONFIRMATION_MAIL).param("id", found.id()).update();
				Subscriber subscriber = find(found.id()).orElseThrow();
				outbox.enqueue(mails.alreadySubscribed(subscriber, links.preferencesUrl(found.id())));
			}
			return;
		}
		if (found.state() == SubscriberState.PENDING && found.confirmationMails() >= properties.confirmationMails()) {
			return;
		}
		if (!mailboxCap.allows(email)) {
			return;
		}
		// A pending address keeps the links it was mailed; one that left starts afresh.
		String renewal = found.state() == SubscriberState.PENDING ? AlertQueries.REPEAT_PENDING_SUBSCRIBER
				: AlertQueries.RENEW_SUBSCRIBER;
		jdbc.sql(renewal)
			.param("id", found.id())
			.param("email", email)
			.param("name", name)
			.param("language", language)
			.param("topics", topics)
			.param("tokenHash", Tokens.hash(token))
			.param("expiresAt", linkExpiry())
			.update();
		outbox.enqueue(mails.confirmation(email, name, language, token));
	}

	private Timestamp linkExpiry() {
		return Timestamp.from(clock.instant().plus(properties.confirmationTtl()));
	}

	private Optional<Existing> existing(String email) {
		return jdbc.sql(AlertQueries.SUBSCRIBER_BY_EMAIL)
			.param("emailKey", emailKey(email))
			.query((rs, n) -> new Existing(rs.getLong("id"), SubscriberState.valueOf(rs.getString("state")),
					rs.getInt("confirmation_mails")))
			.optional();
	}

	public enum LinkStatus {

		VALID, JUST_CONFIRMED, CONFIRMED, EXPIRED, UNKNOWN

	}

	/**
	 * What a confirmation link leads to, changing nothing: a GET may come from a mail
	 * scanner.
	 */
	@Transactional(readOnly = true)
	public LinkStatus inspect(String token) {
		if (!Tokens.looksValid(token)) {
			return LinkStatus.UNKNOWN;
		}
		return jdbc.sql(AlertQueries.SUBSCRIBER_BY_TOKEN).param("tokenHash", Tokens.hash(token)).query((rs, n) -> {
			if (!"PENDING".equals(rs.getString("state"))) {
				return LinkStatus.CONFIRMED;
			}
			Timestamp expires = rs.getTimestamp("token_expires_at");
			return expires != null && expires.toInstant().isAfter(clock.instant()) ? LinkStatus.VALID
					: LinkStatus.EXPIRED;
		}).optional().orElse(LinkStatus.UNKNOWN);
	}

	/**
	 * Confirms once, through any link the address was mailed; the links are then
	 * forgotten, so a second POST finds nothing to confirm.
	 */
	@Transactional
	public LinkStatus confirm(String token) {
		if (!Tokens.looksValid(token)) {
			return LinkStatus.UNKNOWN;
		}
		return jdbc.sql(AlertQueries.CONFIRM_SUBSCRIBER)
			.param("tokenHash", Tokens.hash(token))
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional()
			.map(id -> LinkStatus.JUST_CONFIRMED)
			.orElseGet(() -> inspect(token));
	}

	public Optional<Subscriber> find(long id) {
		return jdbc.sql(AlertQueries.SUBSCRIBER).param("id", id).query((rs, n) -> {
			Array topics = rs.getArray("topics");
			Array campaigns = rs.getArray("campaigns");
			return new Subscriber(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
					rs.getString("language"), Arrays.asList((String[]) topics.getArray()),
					Arrays.asList((Long[]) campaigns.getArray()), SubscriberState.valueOf(rs.getString("state")));
		}).optional();
	}

	/**
	 * Only a confirmed subscriber's settings change; campaigns can be dropped, never
	 * added here.
	 */
	@Transactional
	public boolean updatePreferences(long id, String name, String language, List<String> topics,
			List<Long> campaignIds) {
		Subscriber subscriber = find(id).orElse(null);
		if (subscriber == null) {
			return false;
		}
		Long[] campaigns = campaignIds.stream().filter(subscriber.campaigns()::contains).toArray(Long[]::new);
		return jdbc.sql(AlertQueries.UPDATE_PREFERENCES)
			.param("id", id)
			.param("name", name)
			.param("language", properties.language(language))
			.param("topics", topics.toArray(String[]::new))
			.param("campaigns", campaigns)
			.update() == 1;
	}

	/**
	 * Idempotent: leaving twice is still left. Deliveries not yet sent to this address
	 * are skipped.
	 */
	@Transactional
	public void unsubscribe(long id) {
		jdbc.sql(AlertQueries.UNSUBSCRIBE).param("id", id).update();
	}

	/**
	 * A signer who ticked "keep me updated" follows that petition's news. Runs inside the
	 * confirmation's own transaction (a plain listener), so the subscription exists if
	 * and only if the confirmation does; the signature's confirmation by email is the
	 * opt-in, so there is no second one.
	 */
	@EventListener
	void signatureConfirmed(SignatureConfirmed confirmed) {
		if (!confirmed.keepUpdated()) {
			return;
		}
		jdbc.sql(AlertQueries.SIGNER_SUBSCRIBES)
			.param("email", confirmed.email().strip())
			.param("emailKey", emailKey(confirmed.email()))
			.param("name", confirmed.name())
			.param("language", properties.language(confirmed.locale()))
			.param("petitionId", confirmed.petitionId())
			.update();
	}

	/** How many subscribers are in each state, by state name. */
	public Map<String, Long> countsByState() {
		return jdbc.sql(AlertQueries.SUBSCRIBER_COUNTS)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * A hard bounce: the address is never mailed again unless its owner subscribes anew.
	 */
	public void markBouncing(long subscriberId, String reason) {
		jdbc.sql(AlertQueries.MARK_BOUNCING)
			.param("id", subscriberId)
			.param("reason", reason == null ? null : reason.substring(0, Math.min(reason.length(), 500)))
			.update();
	}

}
