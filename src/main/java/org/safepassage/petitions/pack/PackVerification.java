package org.safepassage.petitions.pack;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.springframework.stereotype.Service;

/**
 * The public check of a list against what was published: a pasted digest, or a pack CSV
 * whose digest is recomputed as it streams in (never held whole, at most
 * {@code max-csv-upload} read). Bounded for anonymous use: each address may check
 * {@code verifications-per-hour} times, and only {@code concurrent-csv-checks} CSVs are
 * hashed at once.
 */
@Service
public class PackVerification {

	private final DeliveryPacks packs;

	private final Checkpoints checkpoints;

	private final PetitionsProperties.Pack settings;

	private final Semaphore hashing;

	/** Checks per address in the current hour; at most 100,000 addresses are held. */
	private final Cache<String, AtomicInteger> perAddress = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	PackVerification(DeliveryPacks packs, Checkpoints checkpoints, PetitionsProperties properties) {
		this.packs = packs;
		this.checkpoints = checkpoints;
		this.settings = properties.pack();
		this.hashing = new Semaphore(Math.max(1, settings.concurrentCsvChecks()));
	}

	/**
	 * What a digest matched: the published pack, another pack of the petition, a daily
	 * checkpoint, or nothing ({@code kind} NONE).
	 */
	public record Verdict(Kind kind, String digest, Long rows, long signatures, LocalDate day) {

		public enum Kind {

			DELIVERED, OTHER_PACK, CHECKPOINT, NONE

		}

		public boolean matches() {
			return kind != Kind.NONE;
		}

	}

	/** Too many checks from one address, or too many CSVs being hashed right now. */
	public static final class Busy extends RuntimeException {

		Busy(String detail) {
			super(detail);
		}

	}

	/** Counts one check against the address's hourly allowance; throws if spent. */
	public void allow(String address) {
		int used = perAddress.get(address == null ? "" : address, a -> new AtomicInteger()).incrementAndGet();
		if (used > settings.verificationsPerHour()) {
			throw new Busy("Over " + settings.verificationsPerHour() + " checks this hour from " + address);
		}
	}

	public Verdict verifyDigest(long petitionId, String digest, Long rows) {
		Optional<DeliveryPack> published = packs.publishedPack(petitionId);
		if (published.isPresent() && published.get().digest().equals(digest)) {
			return new Verdict(Verdict.Kind.DELIVERED, digest, rows, published.get().signatures(), null);
		}
		for (DeliveryPack pack : packs.packs(petitionId)) {
			if (pack.digest().equals(digest)) {
				return new Verdict(Verdict.Kind.OTHER_PACK, digest, rows, pack.signatures(),
						LocalDate.ofInstant(pack.generatedAt(), ZoneOffset.UTC));
			}
		}
		for (Checkpoint checkpoint : checkpoints.list(petitionId)) {
			if (checkpoint.digest().equals(digest)) {
				return new Verdict(Verdict.Kind.CHECKPOINT, digest, rows, checkpoint.signatures(), checkpoint.day());
			}
		}
		return new Verdict(Verdict.Kind.NONE, digest, rows, 0, null);
	}

	/**
	 * Recomputes a CSV's digest and verifies it.
	 * @throws PackCsv.NotAPackCsv when the file is not a pack CSV, or too large
	 */
	public Verdict verifyCsv(long petitionId, InputStream csv) throws PackCsv.NotAPackCsv, IOException {
		PackCsv.Reading reading;
		try {
			if (!hashing.tryAcquire(2, TimeUnit.SECONDS)) {
				throw new Busy("Too many CSVs being checked");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Busy("Interrupted");
		}
		try (InputStream in = csv) {
			reading = PackCsv.digest(in, settings.maxCsvUpload().toBytes());
		}
		finally {
			hashing.release();
		}
		return verifyDigest(petitionId, reading.digest(), reading.rows());
	}

	public long maxCsvBytes() {
		return settings.maxCsvUpload().toBytes();
	}

}
