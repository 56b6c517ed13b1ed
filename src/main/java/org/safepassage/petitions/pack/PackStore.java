package org.safepassage.petitions.pack;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Packs, checkpoints and the canonical list, read with a server-side cursor: PostgreSQL
 * sends {@code fetch-size} rows at a time, and only inside a transaction (callers hold
 * one).
 */
@Repository
class PackStore {

	/** First key of this module's per-petition advisory locks for checkpoints. */
	static final int CHECKPOINT_LOCK = 0x5350_4b31;

	private final JdbcClient jdbc;

	private final int fetchSize;

	PackStore(JdbcClient jdbc, PetitionsProperties properties) {
		this.jdbc = jdbc;
		this.fetchSize = properties.pack().fetchSize();
	}

	/** Every valid signature confirmed before {@code before} (null: all), in order. */
	void forEachRow(long petitionId, Instant before, Consumer<PackRow> consumer) {
		try (Stream<PackRow> rows = jdbc.sql(PetitionQueries.PACK_ROWS)
			.withFetchSize(fetchSize)
			.param("petitionId", petitionId)
			.param("before", before == null ? null : PetitionQueries.at(before))
			.query((rs, n) -> PackRow.of(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.stream()) {
			rows.forEach(consumer);
		}
	}

	/** The canonical list's count, countries and digest, in one pass. */
	CanonicalList list(long petitionId, Instant before) {
		CanonicalList list = new CanonicalList();
		forEachRow(petitionId, before, list::add);
		return list;
	}

	long insertPack(long petitionId, Instant at, String by, long signatures, String digest) {
		return jdbc.sql(PetitionQueries.INSERT_PACK)
			.param("petitionId", petitionId)
			.param("generatedAt", PetitionQueries.at(at))
			.param("generatedBy", by)
			.param("signatures", signatures)
			.param("digest", digest)
			.query(Long.class)
			.single();
	}

	List<DeliveryPack> packs(long petitionId, int limit) {
		return jdbc.sql(PetitionQueries.PACKS_OF_PETITION)
			.param("petitionId", petitionId)
			.param("limit", limit)
			.query(PackStore::pack)
			.list();
	}

	Optional<DeliveryPack> pack(long petitionId, long packId) {
		return jdbc.sql(PetitionQueries.FIND_PACK)
			.param("petitionId", petitionId)
			.param("packId", packId)
			.query(PackStore::pack)
			.optional();
	}

	Optional<DeliveryPack> publishedPack(long petitionId) {
		return jdbc.sql(PetitionQueries.PUBLISHED_PACK)
			.param("petitionId", petitionId)
			.query(PackStore::pack)
			.optional();
	}

	boolean choose(long petitionId, long packId, Instant now) {
		return jdbc.sql(PetitionQueries.CHOOSE_PACK)
			.param("petitionId", petitionId)
			.param("packId", packId)
			.param("now", PetitionQueries.at(now))
			.update() == 1;
	}

	boolean tryCheckpointLock(long petitionId) {
		return Boolean.TRUE.equals(jdbc.sql(PetitionQueries.TRY_PETITION_LOCK)
			.param("kind", CHECKPOINT_LOCK)
			.param("petitionId", petitionId)
			.query(Boolean.class)
			.single());
	}

	/** A petition that may need checkpoints, and the last day it has one for. */
	record Candidate(long petitionId, Instant openedAt, Instant closedAt, LocalDate lastDay) {
	}

	List<Candidate> checkpointCandidates(Instant before, Instant since) {
		return jdbc.sql(PetitionQueries.CHECKPOINT_CANDIDATES)
			.param("before", PetitionQueries.at(before))
			.param("since", PetitionQueries.at(since))
			.query((rs, n) -> new Candidate(rs.getLong("id"), instant(rs, "opened_at"), instant(rs, "closed_at"),
					rs.getObject("last_day", LocalDate.class)))
			.list();
	}

	Optional<Checkpoint> lastCheckpoint(long petitionId) {
		return jdbc.sql(PetitionQueries.LAST_CHECKPOINT)
			.param("petitionId", petitionId)
			.query((rs, n) -> new Checkpoint(rs.getObject("day", LocalDate.class), 0, null, rs.getString("chain"),
					null))
			.optional();
	}

	boolean insertCheckpoint(long petitionId, Checkpoint checkpoint) {
		return jdbc.sql(PetitionQueries.INSERT_CHECKPOINT)
			.param("petitionId", petitionId)
			.param("day", checkpoint.day())
			.param("signatures", checkpoint.signatures())
			.param("digest", checkpoint.digest())
			.param("chain", checkpoint.chain())
			.param("recordedAt", PetitionQueries.at(checkpoint.recordedAt()))
			.update() == 1;
	}

	List<Checkpoint> checkpoints(long petitionId) {
		return jdbc.sql(PetitionQueries.CHECKPOINTS)
			.param("petitionId", petitionId)
			.query((rs, n) -> new Checkpoint(rs.getObject("day", LocalDate.class), rs.getLong("signatures"),
					rs.getString("digest"), rs.getString("chain"), instant(rs, "recorded_at")))
			.list();
	}

	private static DeliveryPack pack(ResultSet rs, int row) throws SQLException {
		return new DeliveryPack(rs.getLong("id"), rs.getLong("petition_id"), instant(rs, "generated_at"),
				rs.getString("generated_by"), rs.getLong("signatures"), rs.getString("digest"),
				instant(rs, "chosen_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
