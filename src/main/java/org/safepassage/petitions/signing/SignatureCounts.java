package org.safepassage.petitions.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.domain.RecentCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public signature counts. Confirmations are queued; a job folds the queue into
 * per-country counts every {@code count-interval} (under an advisory lock, so with
 * several instances only one folds at a time) and a slower recount repairs any drift.
 * Reads are served from a short-lived in-memory copy.
 */
@Service
public class SignatureCounts {

	private static final Logger log = LoggerFactory.getLogger(SignatureCounts.class);

	private static final long COUNT_LOCK = 0x5AFE_0001L;

	private static final int FOLD_LIMIT = 200_000;

	private final JdbcClient jdbc;

	private final RecentCopies<Long, Snapshot> recent;

	private final Clock clock;

	SignatureCounts(JdbcClient jdbc, PetitionsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.recent = new RecentCopies<>(properties.countCacheTtl(), 1_000, petitionId -> read(petitionId));
	}

	/**
	 * Confirmed, counted signatures of one petition, in total and by country (largest
	 * first).
	 */
	public record Snapshot(long total, Map<String, Long> byCountry, Instant readAt) {
	}

	/**
	 * The count as of at most {@code count-cache-ttl} ago; while the database is slow or
	 * away, the last count (see {@link RecentCopies}).
	 */
	public Snapshot of(long petitionId) {
		return recent.get(petitionId);
	}

	/** How many petitions' counts are held in memory. */
	public long copiesHeld() {
		return recent.size();
	}

	private Snapshot read(long petitionId) {
		Instant now = clock.instant();
		Map<String, Long> byCountry = new LinkedHashMap<>();
		jdbc.sql(PetitionQueries.COUNTS_FOR_PETITION).param("id", petitionId).query(rs -> {
			byCountry.put(rs.getString("country"), rs.getLong("confirmed"));
		});
		long total = byCountry.values().stream().mapToLong(Long::longValue).sum();
		return new Snapshot(total, byCountry, now);
	}

	@Transactional
	public void foldConfirmations() {
		if (!tryLock()) {
			return;
		}
		jdbc.sql(PetitionQueries.FOLD_PENDING_COUNTS).param("limit", FOLD_LIMIT).update();
	}

	/**
	 * Recounts from the signatures themselves. Repeatable read gives both statements one
	 * snapshot: queued confirmations it drops are exactly those its recount includes.
	 */
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public void recount() {
		if (!tryLock()) {
			return;
		}
		jdbc.sql(PetitionQueries.DROP_PENDING_COUNTS).update();
		Map<String, Long> before = read(PetitionQueries.CURRENT_COUNTS);
		Map<String, Long> truth = read(PetitionQueries.TRUE_COUNTS);
		if (before.equals(truth)) {
			return;
		}
		log.warn("Signature counts drifted; repairing {} petition/country rows", differing(before, truth));
		jdbc.sql(PetitionQueries.DELETE_COUNTS).update();
		truth.forEach((key, confirmed) -> {
			String[] parts = key.split("/");
			jdbc.sql(PetitionQueries.INSERT_COUNT)
				.param("petitionId", Long.parseLong(parts[0]))
				.param("country", parts[1])
				.param("confirmed", confirmed)
				.update();
		});
	}

	private boolean tryLock() {
		return Boolean.TRUE
			.equals(jdbc.sql(PetitionQueries.TRY_COUNT_LOCK).param("key", COUNT_LOCK).query(Boolean.class).single());
	}

	private Map<String, Long> read(String sql) {
		return jdbc.sql(sql)
			.query((rs, n) -> Map.entry(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3)))
			.list()
			.stream()
			.filter(e -> e.getValue() > 0)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static long differing(Map<String, Long> a, Map<String, Long> b) {
		List<String> keys = new ArrayList<>(a.keySet());
		keys.addAll(b.keySet());
		return keys.stream().distinct().filter(k -> !Objects.equals(a.get(k), b.get(k))).count();
	}

}
