package org.safepassage.alerts.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.safepassage.alerts.delivery.Deliveries.Claimed;
import org.safepassage.alerts.domain.Alert;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.system.mail.MailSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Alert deliveries as a source of the one mail engine: claims them, writes each
 * subscriber's mail from the alert rendered once, and marks what the engine made of them.
 * Deliveries to subscribers who left meanwhile are skipped at the claim; those of an
 * alert paused meanwhile are handed back between two messages.
 */
@Component
class AlertSource implements MailSource {

	private final AlertRepository alerts;

	private final AlertMails mails;

	private final Deliveries deliveries;

	/** Alerts paused on this instance. */
	private final Set<Long> paused = ConcurrentHashMap.newKeySet();

	/** The alert of each claimed delivery, for the pause check. */
	private final Map<Long, Long> alertOf = new ConcurrentHashMap<>();

	final LongAdder sent = new LongAdder();

	final LongAdder smtpNanos = new LongAdder();

	private volatile SenderHooks hooks = SenderHooks.NONE;

	AlertSource(AlertRepository alerts, AlertMails mails, Deliveries deliveries) {
		this.alerts = alerts;
		this.mails = mails;
		this.deliveries = deliveries;
	}

	void hooks(SenderHooks hooks) {
		this.hooks = hooks;
	}

	SenderHooks hooks() {
		return hooks;
	}

	@EventListener
	void paused(Alert.SendingPaused event) {
		paused.add(event.alertId());
	}

	@EventListener
	void resumed(Alert.SendingResumed event) {
		paused.remove(event.alertId());
	}

	@EventListener
	void finished(Alert.SendingFinished event) {
		paused.remove(event.alertId());
		mails.forget(event.alertId());
	}

	@Override
	public List<Queued> claim(int limit, Duration lease) {
		List<Claimed> batch = deliveries.claim(limit, lease);
		Map<Long, AlertRepository.Stored> found = new HashMap<>();
		List<Long> skipped = new ArrayList<>();
		List<Queued> queued = new ArrayList<>(batch.size());
		for (Claimed d : batch) {
			if (!d.stillSubscribed()) {
				skipped.add(d.id());
				continue;
			}
			AlertRepository.Stored alert = found.computeIfAbsent(d.alertId(), id -> alerts.find(id).orElseThrow());
			AlertMails.Rendered r = mails.render(alert, d.language());
			AlertMails.Personal mail = mails.personalise(r, d.subscriberId(), d.name());
			alertOf.put(d.id(), d.alertId());
			queued.add(new Queued(d.id(), d.email(), d.messageId(), d.attempts(), mail.subject(), mail.text(),
					mail.html(), mail.headers(), true, d.queuedAt()));
		}
		deliveries.skip(skipped);
		return queued;
	}

	@Override
	public boolean stillWanted(Queued mail) {
		Long alertId = alertOf.get(mail.id());
		return alertId == null || !paused.contains(alertId);
	}

	@Override
	public void accepted(Queued mail, long nanos) {
		sent.increment();
		smtpNanos.add(nanos);
		hooks.marked();
	}

	@Override
	public void settle(List<Outcome> outcomes) {
		deliveries.settle(outcomes);
		outcomes.forEach(o -> alertOf.remove(o.mail().id()));
	}

}
