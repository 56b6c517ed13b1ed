package org.safepassage.alerts.subscribers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.safepassage.alerts.delivery.AlertMails;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.system.mail.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails a new preferences link to whoever an expired one was for. The mail goes only to
 * the address on file, never to one typed in, and only while the address is subscribed;
 * whoever asks cannot tell whether a mail went. At most one per subscriber per
 * {@code resend-interval} on each instance, so a held link cannot be used to flood its
 * owner's inbox.
 */
@Service
public class FreshPreferenceLinks {

	/** Bounds memory whatever arrives; each entry needs a genuine signed link. */
	private static final int REMEMBERED = 10_000;

	private final Subscriptions subscriptions;

	private final AlertMails mails;

	private final Outbox outbox;

	private final Cache<Long, Boolean> recentlySent;

	FreshPreferenceLinks(Subscriptions subscriptions, AlertMails mails, Outbox outbox, AlertsProperties properties) {
		this.subscriptions = subscriptions;
		this.mails = mails;
		this.outbox = outbox;
		this.recentlySent = Caffeine.newBuilder()
			.maximumSize(REMEMBERED)
			.expireAfterWrite(properties.preferenceLinks().resendInterval())
			.build();
	}

	@Transactional
	public void send(long subscriberId) {
		Subscriptions.Subscriber subscriber = subscriptions.find(subscriberId)
			.filter(s -> s.state() == Subscriptions.SubscriberState.CONFIRMED)
			.orElse(null);
		if (subscriber == null || recentlySent.asMap().putIfAbsent(subscriberId, Boolean.TRUE) != null) {
			return;
		}
		outbox.enqueue(mails.preferencesLink(subscriber));
	}

}
