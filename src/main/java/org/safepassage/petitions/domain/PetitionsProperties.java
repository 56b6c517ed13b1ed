package org.safepassage.petitions.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("safepassage.petitions")
public record PetitionsProperties(@DefaultValue("14d") Duration confirmationTtl,
		@DefaultValue("3") int mailsPerSignature, @DefaultValue("250ms") Duration countInterval,
		@DefaultValue("10m") Duration recountInterval, @DefaultValue("30s") Duration closeCheckInterval,
		@DefaultValue("Europe/London") ZoneId zone, @DefaultValue("250ms") Duration countCacheTtl,
		@DefaultValue("500ms") Duration pageCacheTtl, @DefaultValue Batching batching, @DefaultValue Charts charts,
		@DefaultValue Retention retention) {

	/**
	 * Group commit of signatures: at most max-batch per transaction, a signer waits at
	 * most max-wait.
	 */
	public record Batching(@DefaultValue("2") int writers, @DefaultValue("500") int maxBatch,
			@DefaultValue("20000") int queueCapacity, @DefaultValue("3s") Duration maxWait) {
	}

	/**
	 * The charts on the public page: worked out from the signatures at most once per
	 * {@code cache-for} per petition and instance, the last {@code days} days, the
	 * {@code top-countries} largest countries (the rest as "others").
	 */
	public record Charts(@DefaultValue("10s") Duration cacheFor, @DefaultValue("120") int days,
			@DefaultValue("8") int topCountries) {

		public Charts {
			if (days < 1 || days > 3660 || topCountries < 1) {
				throw new IllegalArgumentException(
						"safepassage.petitions.charts: days must be from 1 to 3660, top-countries at least 1");
			}
		}
	}

	/**
	 * What is kept of a signature and for how long (docs/security.md). Every day at
	 * {@code run-at} (in {@link #zone()}): addresses older than {@code addresses-for} are
	 * dropped; names, e-mails and postcodes are erased {@code personal-data-months} after
	 * the petition was delivered, or closed when it was never delivered; unconfirmed
	 * signatures whose links have all expired are removed. At most {@code batch-size}
	 * rows per transaction.
	 */
	public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("04:15") LocalTime runAt,
			@DefaultValue("30d") Duration addressesFor, @DefaultValue("6") int personalDataMonths,
			@DefaultValue("1000") int batchSize) {

		public Retention {
			if (personalDataMonths < 1 || batchSize < 1 || addressesFor.isNegative()) {
				throw new IllegalArgumentException(
						"safepassage.petitions.retention: personal-data-months and batch-size must be at least 1, "
								+ "addresses-for not negative");
			}
		}
	}

}
