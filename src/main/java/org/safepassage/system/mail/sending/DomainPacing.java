package org.safepassage.system.mail.sending;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.safepassage.system.mail.MailProperties;

/**
 * Per recipient domain, in this instance: a token bucket at the domain's rate (holding at
 * most one second of mail), and a cool-down after the domain's servers asked us to slow
 * down. A mail over its domain's pace is not waited for; it is handed back with the time
 * it may go, so the other domains' mail keeps flowing.
 */
final class DomainPacing {

	private final MailProperties.Pacing settings;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Map<String, Long> coolUntil = new ConcurrentHashMap<>();

	DomainPacing(MailProperties.Pacing settings) {
		this.settings = settings;
	}

	static String domainOf(String address) {
		return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * Zero when a mail to this domain may go now (and takes its place in the pace), else
	 * how long to hold it back.
	 */
	Duration delay(String domain, long nowNanos) {
		Long until = coolUntil.get(domain);
		if (until != null) {
			if (until - nowNanos > 0) {
				return Duration.ofNanos(until - nowNanos);
			}
			coolUntil.remove(domain, until);
		}
		double rate = settings.rateOf(domain);
		if (rate <= 0) {
			return Duration.ZERO;
		}
		return buckets.computeIfAbsent(domain, d -> new Bucket(rate, nowNanos)).take(nowNanos);
	}

	/** The domain's servers said "too many" or 421: nothing goes there for a while. */
	void coolDown(String domain, long nowNanos) {
		coolUntil.put(domain, nowNanos + settings.coolDown().toNanos());
	}

	/** The time between two mails to this domain at its pace; zero without a cap. */
	Duration spacing(String domain) {
		double rate = settings.rateOf(domain);
		return rate <= 0 ? Duration.ZERO : Duration.ofNanos((long) (1e9 / rate));
	}

	Duration coolDown() {
		return settings.coolDown();
	}

	private static final class Bucket {

		private final double perNano;

		private final double capacity;

		private double tokens;

		private long at;

		Bucket(double perSecond, long nowNanos) {
			this.perNano = perSecond / 1e9;
			this.capacity = Math.max(1, perSecond);
			this.tokens = capacity;
			this.at = nowNanos;
		}

		synchronized Duration take(long nowNanos) {
			tokens = Math.min(capacity, tokens + (nowNanos - at) * perNano);
			at = nowNanos;
			if (tokens >= 1) {
				tokens -= 1;
				return Duration.ZERO;
			}
			return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
		}

	}

}
