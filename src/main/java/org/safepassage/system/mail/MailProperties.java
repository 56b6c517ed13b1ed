package org.safepassage.system.mail;

import java.time.Duration;

import org.safepassage.shared.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("safepassage.mail")
record MailProperties(@DefaultValue("SafePassage <no-reply@safepassage.localhost>") String from,
		@DefaultValue("50") int batchSize, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration firstRetryDelay,
		@DefaultValue("1h") Duration maxRetryDelay, @DefaultValue("60s") Duration lease,
		@DefaultValue("4") int senders) {

	Duration retryDelay(int attemptsSoFar) {
		return Backoff.exponential(firstRetryDelay, maxRetryDelay, attemptsSoFar);
	}
}
