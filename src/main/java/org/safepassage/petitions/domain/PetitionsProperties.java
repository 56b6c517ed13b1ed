package org.safepassage.petitions.domain;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

@ConfigurationProperties("safepassage.petitions")
public record PetitionsProperties(@DefaultValue("14d") Duration confirmationTtl,
		@DefaultValue("3") int mailsPerSignature, @DefaultValue("250ms") Duration countInterval,
		@DefaultValue("10m") Duration recountInterval, @DefaultValue("30s") Duration closeCheckInterval,
		@DefaultValue("Europe/London") ZoneId zone, @DefaultValue("250ms") Duration countCacheTtl,
		@DefaultValue("500ms") Duration pageCacheTtl, @DefaultValue Batching batching, @DefaultValue Updates updates) {

	/**
	 * Group commit of signatures: at most max-batch per transaction, a signer waits at
	 * most max-wait.
	 */
	public record Batching(@DefaultValue("2") int writers, @DefaultValue("500") int maxBatch,
			@DefaultValue("20000") int queueCapacity, @DefaultValue("3s") Duration maxWait) {
	}

	/**
	 * Delivery and responses: mails to signers who asked for updates are queued
	 * {@code batch-size} per transaction every {@code interval}; a delivery photo may be
	 * {@code photo-max-bytes} and {@code photo-max-pixels} large, and is re-encoded at
	 * most {@code photo-max-edge} pixels wide or high.
	 */
	public record Updates(@DefaultValue("500") int batchSize, @DefaultValue("2s") Duration interval,
			@DefaultValue("8MB") DataSize photoMaxBytes, @DefaultValue("50000000") long photoMaxPixels,
			@DefaultValue("2400") int photoMaxEdge) {
	}

}
