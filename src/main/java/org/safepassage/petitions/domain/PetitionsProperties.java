package org.safepassage.petitions.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

@ConfigurationProperties("safepassage.petitions")
public record PetitionsProperties(@DefaultValue("14d") Duration confirmationTtl,
		@DefaultValue("3") int mailsPerSignature, @DefaultValue("250ms") Duration countInterval,
		@DefaultValue("10m") Duration recountInterval, @DefaultValue("30s") Duration closeCheckInterval,
		@DefaultValue("Europe/London") ZoneId zone, @DefaultValue("250ms") Duration countCacheTtl,
		@DefaultValue("500ms") Duration pageCacheTtl, @DefaultValue Batching batching, @DefaultValue Pack pack,
		@DefaultValue Updates updates, @DefaultValue Charts charts, @DefaultValue Retention retention) {

	/**
	 * Group commit of signatures: at most max-batch per transaction, a signer waits at
	 * most max-wait.
	 */
	public record Batching(@DefaultValue("2") int writers, @DefaultValue("500") int maxBatch,
			@DefaultValue("20000") int queueCapacity, @DefaultValue("3s") Duration maxWait) {
	}

	/**
	 * Delivery packs and daily checkpoints (docs/delivery-pack.md).
	 *
	 * @param checkpointAt the UTC time of day after which the day before is checkpointed
	 * @param checkpointCheckInterval how often instances look for a checkpoint that is
	 * due
	 * @param catchUpDays how many missed days a petition that closed is still
	 * checkpointed for, and how many days one run records at most per petition
	 * @param fetchSize rows read per round trip while a list streams
	 * @param maxCsvUpload the largest CSV the public verify page reads
	 * @param verificationsPerHour CSVs or digests one address may check in an hour
	 * @param concurrentCsvChecks CSVs hashed at once on this instance; more wait briefly
	 */
	public record Pack(@DefaultValue("00:15") LocalTime checkpointAt,
			@DefaultValue("10m") Duration checkpointCheckInterval, @DefaultValue("7") int catchUpDays,
			@DefaultValue("1000") int fetchSize, @DefaultValue("10MB") DataSize maxCsvUpload,
			@DefaultValue("30") int verificationsPerHour, @DefaultValue("2") int concurrentCsvChecks) {
	}

	/**
	 * Delivery and responses: mails to signers who asked for updates are queued
	 * {@code batch-size} per transaction every {@code interval}; a delivery photo may be
	 * {@code photo-max-bytes} and {@code photo-max-pixels} large, and is re-encoded at
	 * most {@code photo-max-edge} pixels wide or high. One mailbox gets at most
	 * {@code mails-per-mailbox-per-day} update mails a day (UTC) from all petitions
	 * together, so that a staff account in the wrong hands cannot flood signers by
	 * recording response after response; the others are not sent and staff see how many.
	 */
	public record Updates(@DefaultValue("500") int batchSize, @DefaultValue("2s") Duration interval,
			@DefaultValue("8MB") DataSize photoMaxBytes, @DefaultValue("50000000") long photoMaxPixels,
			@DefaultValue("2400") int photoMaxEdge, @DefaultValue("3") int mailsPerMailboxPerDay) {

		public Updates {
			if (mailsPerMailboxPerDay < 1) {
				throw new IllegalArgumentException(
						"safepassage.petitions.updates.mails-per-mailbox-per-day must be at least 1");
			}
		}
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
	 * the petition was delivered, or closed when it was never delivered, or hidden when
	 * it was hidden while open; unconfirmed signatures whose links have all expired are
	 * removed. At most {@code batch-size} rows per transaction.
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
